package cn.medexam.qualification.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link PasswordRules} at the engine's doors (Admin's new user, the profile page's password change, the REST
 * API): a password that breaks them is answered 400 with the rule in Chinese, in the error shape of Camunda's REST
 * API that the webapps show, before the engine sees it. The engine's password policy is the same rule behind this,
 * but it answers 500 with a stack trace in the log.
 */
class PasswordRulesFilter extends OncePerRequestFilter {

    private static final Pattern CREDENTIALS = Pattern.compile(".*/user/[^/]+/credentials");
    private static final Pattern CREATE = Pattern.compile(".*/user/create");
    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    PasswordRulesFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !("PUT".equals(request.getMethod()) && CREDENTIALS.matcher(path).matches()
                || "POST".equals(request.getMethod()) && CREATE.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        JsonNode password =
                password(body, CREATE.matcher(request.getRequestURI()).matches());
        if (body.length > MAX_BODY || password != null && !PasswordRules.accepts(password.asText())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(
                    response.getOutputStream(),
                    Map.of("type", "InvalidRequestException", "message", PasswordRules.MESSAGE));
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private JsonNode password(byte[] body, boolean newUser) {
        try {
            JsonNode tree = json.readTree(body);
            JsonNode password =
                    tree == null ? null : newUser ? tree.path("credentials").get("password") : tree.get("password");
            return password == null || password.isNull() ? null : password;
        } catch (IOException notJson) {
            return null; // the engine answers what it answers to a body it cannot read
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is in memory: it is all available at once. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }
    }
}

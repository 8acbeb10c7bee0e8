package cn.medexam.qualification.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: a login POST whose Origin (or, lacking it, Referer) names another origin than the request's own
 * (scheme://host:port as the server sees it) is refused before any password is checked, so another site cannot
 * sign a browser in to an account of its choosing. Requests with neither header (curl, systems) pass.
 */
class SameOriginLogin extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginLogin.class);

    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final String loginPath;
    private final Refusal refusal;

    SameOriginLogin(String loginPath, Refusal refusal) {
        this.loginPath = loginPath;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String claimed = request.getHeader("Origin");
        if (claimed == null) {
            claimed = request.getHeader("Referer");
        }
        if (claimed != null && !own(request).equals(origin(claimed))) {
            log.warn("cross-site login refused: {} from {}", claimed, request.getRemoteAddr());
            refusal.refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String own(HttpServletRequest request) {
        return normalised(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** scheme://host:port of an Origin or Referer; "null" and anything unparseable name no origin. */
    static String origin(String header) {
        try {
            URI uri = new URI(header.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return normalised(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (Exception e) {
            return "";
        }
    }

    private static String normalised(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int p = port >= 0 ? port : "https".equals(s) ? 443 : "http".equals(s) ? 80 : -1;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return s + "://" + h + ":" + p;
    }
}

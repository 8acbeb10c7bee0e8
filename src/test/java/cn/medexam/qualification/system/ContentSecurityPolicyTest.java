package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's own pages and API answers carry a strict Content-Security-Policy, and the pages keep within it:
 * their scripts and styles are files, not inline. Camunda's webapps send their own policy, alone.
 */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyTest {

    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE =
            Pattern.compile("<style\\b|<[^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    HttpClient browser;

    @BeforeEach
    void anAdministratorsBrowser() throws Exception {
        users.ensureExist();
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login.html", "/candidate.html", "/admin/demo-sms.html", "/photo-check.html"})
    void theApplicationsPagesCarryTheStrictPolicyAndNoInlineScriptOrStyle(String path) throws Exception {
        logInAsAdministrator();
        HttpResponse<String> page = get(path, "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';")
                .doesNotContain("unsafe");
        Matcher scripts = SCRIPT.matcher(page.body());
        int external = 0;
        while (scripts.find()) {
            assertThat(scripts.group(2)).as("inline script in %s", path).isBlank();
            assertThat(scripts.group(1)).as("script of %s", path).contains("src=");
            external++;
        }
        assertThat(external).as("scripts of %s", path).isPositive();
        assertThat(EVENT_HANDLER.matcher(page.body()).find())
                .as("on…= handler in %s", path)
                .isFalse();
        assertThat(INLINE_STYLE.matcher(page.body()).find())
                .as("inline style in %s", path)
                .isFalse();
    }

    @Test
    void thePagesScriptsAndStylesAreServedFromTheApplication() throws Exception {
        for (String file : new String[] {
            "/js/login.js",
            "/js/candidate.js",
            "/js/demo-sms.js",
            "/js/qr.js",
            "/js/webapp.js",
            "/js/candidate-documents.js",
            "/js/photo-check.js",
            "/css/login.css",
            "/css/candidate.css",
            "/css/demo-sms.css",
            "/css/photo-check.css",
            "/css/verify.css"
        }) {
            assertThat(get(file, "*/*").statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void apiAnswersCarryTheStrictPolicyToo() throws Exception {
        HttpResponse<String> stranger = get("/api/me/case", "application/json");
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);

        logInAsAdministrator();
        HttpResponse<String> sms = get("/api/admin/demo-sms", "application/json");
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(sms.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
    }

    @Test
    void tasklistSendsCamundasOwnPolicyAlone() throws Exception {
        logIn(TestUsers.SITE_REVIEWER);
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", "text/html");

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(policy -> assertThat(policy)
                        .contains("'nonce-")
                        .doesNotContain("$NONCE")
                        .isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY));
    }

    private void logInAsAdministrator() throws Exception {
        logIn(TestUsers.ADMIN);
    }

    private void logIn(String user) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

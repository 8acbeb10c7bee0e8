package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.TestUsers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One login for everything: the application's login page signs a person in to Tasklist, Cockpit and Admin and to
 * the application's API in the same session (the webapps are real servlets, so this runs over HTTP).
 */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    CookieManager cookies = new CookieManager();
    HttpClient browser;

    @BeforeEach
    void aBrowserWithoutSession() {
        users.ensureExist();
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void strangersAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> tasklist = page("/camunda/app/tasklist/default/");

        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(page("/login.html").body()).contains("医师资格考试报名资格线上审核");
    }

    @Test
    void camundasFirstAdministratorSetupPageSendsStrangersToTheLogin() throws Exception {
        // the first administrator comes from the environment (FirstAdministrator); see EngineApiAttackTest
        HttpResponse<String> setup = page("/camunda/app/admin/default/setup/");

        assertThat(setup.statusCode()).isEqualTo(302);
        assertThat(setup.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
    }

    @Test
    void oneLoginServesTheWebappsAndTheApplicationsApi() throws Exception {
        HttpResponse<String> login = logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/default/"));
        assertThat(page("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body())
                .contains("\"userId\":\"" + TestUsers.SITE_REVIEWER + "\"")
                .contains("tasklist");
        assertThat(get("/api/review/cases/NO-SUCH-CANDIDATE").statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPageWithAMessage() throws Exception {
        HttpResponse<String> login = logIn("nobody", "guess");

        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?error"));
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void tasklistsLogoutEndsTheApplicationSessionToo() throws Exception {
        logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
        page("/camunda/app/tasklist/default/");
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.send(
                HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout"))
                        .header("X-XSRF-TOKEN", camundaXsrfToken())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(get("/api/review/cases/NO-SUCH-CANDIDATE").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> logIn(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What a browser asks for when it opens a page. */
    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String camundaXsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

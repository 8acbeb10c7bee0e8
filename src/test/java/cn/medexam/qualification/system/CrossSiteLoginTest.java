package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.RawHttp;
import cn.medexam.qualification.support.RawHttp.Response;
import cn.medexam.qualification.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Login CSRF: another site's page cannot post a login (the attacker's account) into a visitor's browser. */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossSiteLoginTest {

    private static final String CREDENTIALS = "username=" + TestUsers.SITE_REVIEWER + "&password=" + TestUsers.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    RawHttp browser;

    @BeforeEach
    void aBrowser() {
        users.ensureExist();
        browser = RawHttp.fromNewAddress(port);
    }

    @Test
    void anApiLoginPostedFromAnotherSiteIsRefusedInChinese() throws Exception {
        Response refused = browser.form("/api/login", CREDENTIALS, "Origin: https://evil.example");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"CROSS_SITE_LOGIN\"").contains("登录请求来自其他网站");
        assertThat(refused.header("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void theRefererCountsWhenThereIsNoOrigin() throws Exception {
        assertThat(browser.form("/api/login", CREDENTIALS, "Referer: http://evil.example/login.html")
                        .status())
                .isEqualTo(403);
        assertThat(browser.form("/api/login", CREDENTIALS, "Referer: http://localhost:" + port + "/login.html")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void anotherPortOrASandboxedPageIsAnotherOrigin() throws Exception {
        assertThat(browser.form("/api/login", CREDENTIALS, "Origin: http://localhost:" + (port + 1))
                        .status())
                .isEqualTo(403);
        assertThat(browser.form("/api/login", CREDENTIALS, "Origin: null").status())
                .isEqualTo(403);
    }

    @Test
    void theLoginPagePostedFromAnotherSiteSignsNobodyIn() throws Exception {
        Response refused = browser.form("/login", CREDENTIALS, "Origin: https://evil.example");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?error"));
        assertThat(refused.header("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void ownPagesAndClientsWithoutOriginLogIn() throws Exception {
        assertThat(browser.form("/login", CREDENTIALS, "Origin: http://localhost:" + port)
                        .header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/default/"));
        assertThat(browser.form("/api/login", CREDENTIALS, "Origin: http://LOCALHOST:" + port)
                        .status())
                .isEqualTo(204);
        assertThat(browser.form("/api/login", CREDENTIALS).status())
                .as("curl, a system")
                .isEqualTo(204);
    }

    /**
     * Camunda ends the session of a write to its webapps' API without the CSRF header; a form another site posts
     * would log the reviewer out of Tasklist and the application at once, were the session cookie sent along.
     */
    @Test
    void theSessionCookieIsNotSentWithAnotherSitesRequests() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(CREDENTIALS))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(204);
        assertThat(login.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }
}

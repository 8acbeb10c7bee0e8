package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.RawHttp;
import cn.medexam.qualification.support.RawHttp.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A stranger guessing passwords is slowed down per account and client address, and per address, but can lock
 * nobody out: the account owner still logs in from anywhere else, and Camunda's own lock never strikes.
 */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottlingTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String PASSWORD = "Richtig-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    RawHttp attacker;
    String victim;

    @BeforeEach
    void aVictimAndAnAttackerAtAnAddressOfItsOwn() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-03-01T02:00:00Z")));
        attacker = RawHttp.fromNewAddress(port);
        victim = newUser();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aStrangerGuessingCannotLockTheOwnerOut() throws Exception {
        Response last = null;
        for (int guess = 0; guess < 30; guess++) {
            last = apiLogin(attacker, victim, "guess-" + guess);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("\"code\":\"LOGIN_THROTTLED\"").containsPattern("登录尝试过于频繁，请 \\d+ 秒后再试");
        assertThat(apiLogin(attacker, victim, PASSWORD).status())
                .as("refused without checking the password")
                .isEqualTo(429);
        assertThat(apiLogin(RawHttp.fromNewAddress(port), victim, PASSWORD).status())
                .isEqualTo(204);
        assertThat(identityService.checkPassword(victim, PASSWORD))
                .as("Camunda's lock")
                .isTrue();
    }

    @Test
    void afterFiveFreeGuessesEachMustWaitTwiceAsLongUpToFiveMinutes() throws Exception {
        for (int guess = 0; guess < 5; guess++) {
            assertThat(basic(attacker, victim, "guess").status()).isEqualTo(401);
        }
        long wait = 0;
        long longest = 0;
        for (int guess = 0; guess < 12; guess++) {
            Response refused = basic(attacker, victim, "guess");
            assertThat(refused.status()).isEqualTo(429);
            wait = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertThat(refused.body()).contains("请 " + wait + " 秒后再试");
            assertThat(wait).isGreaterThanOrEqualTo(longest);
            longest = wait;
            passSeconds(wait);
            assertThat(basic(attacker, victim, "guess").status()).isEqualTo(401);
        }

        assertThat(longest).isEqualTo(300);
        assertThat(basic(attacker, victim, PASSWORD).status()).isEqualTo(429);
        passSeconds(300);
        assertThat(basic(attacker, victim, PASSWORD).status())
                .as("the owner, from the attacker's address")
                .isEqualTo(404);
    }

    @Test
    void anAddressTryingManyAccountsIsThrottledAsAWhole() throws Exception {
        for (int account = 0; account < 20; account++) {
            assertThat(apiLogin(attacker, newUser(), "123456").status()).isEqualTo(401);
        }

        assertThat(apiLogin(attacker, victim, "123456").status()).isEqualTo(429);
        assertThat(apiLogin(RawHttp.fromNewAddress(port), victim, PASSWORD).status())
                .isEqualTo(204);
    }

    @Test
    void theLoginPageSaysHowLongToWait() throws Exception {
        for (int guess = 0; guess < 5; guess++) {
            assertThat(pageLogin(attacker, victim, "guess").header("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login.html?error"));
        }

        Response throttled = pageLogin(attacker, victim, PASSWORD);
        assertThat(throttled.status()).isEqualTo(302);
        assertThat(throttled.header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.html?locked=1"));
        assertThat(throttled.header("Set-Cookie")).as("no session").isEmpty();
    }

    @Test
    void aRightPasswordTakesBackItsOwnCountOnly() throws Exception {
        for (int guess = 0; guess < 4; guess++) {
            apiLogin(attacker, victim, "guess");
        }
        assertThat(apiLogin(attacker, victim, PASSWORD).status()).isEqualTo(204);

        for (int guess = 0; guess < 5; guess++) {
            assertThat(apiLogin(attacker, victim, "guess").status()).isEqualTo(401);
        }
        assertThat(apiLogin(attacker, victim, "guess").status()).isEqualTo(429);
    }

    @Test
    void aSystemsParallelRequestsWithTheRightPasswordAreNeverThrottled() throws Exception {
        RawHttp system = RawHttp.fromNewAddress(port);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int request = 0; request < 24; request++) {
                answers.add(threads.submit(() -> basic(system, victim, PASSWORD)));
            }
            for (Future<Response> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).status()).isNotIn(401, 429);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void camundaItselfNeverLocksAnAccount() {
        for (int guess = 0; guess < 25; guess++) {
            assertThat(identityService.checkPassword(victim, "guess")).isFalse();
        }

        assertThat(identityService.checkPassword(victim, PASSWORD)).isTrue();
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(300))));
        assertThat(identityService.checkPassword(victim, "guess")).isFalse();
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofDays(30))));
        assertThat(identityService.checkPassword(victim, PASSWORD))
                .as("even with the clock set back")
                .isTrue();
    }

    private String newUser() {
        String id = "throttle-" + System.nanoTime() % 1_000_000_000L + "-" + USERS.incrementAndGet();
        User user = identityService.newUser(id);
        user.setFirstName("测试用户");
        user.setLastName("");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        return id;
    }

    private static void passSeconds(long seconds) {
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(seconds)));
    }

    private static Response apiLogin(RawHttp client, String user, String password) throws Exception {
        return client.form("/api/login", credentials(user, password));
    }

    private static Response pageLogin(RawHttp client, String user, String password) throws Exception {
        return client.form("/login", credentials(user, password));
    }

    /** HTTP Basic on an API call the user is not allowed to make (404 once they are in: no such case). */
    private static Response basic(RawHttp client, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(
                "GET", "/api/review/cases/NO-SUCH-CANDIDATE", null, new byte[0], "Authorization: Basic " + token);
    }

    private static String credentials(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }
}

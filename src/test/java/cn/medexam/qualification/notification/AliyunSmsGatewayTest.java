package cn.medexam.qualification.notification;

import static cn.medexam.qualification.support.SmsProviderStub.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.notification.SmsDeliveryException.Outcome;
import cn.medexam.qualification.support.SmsProviderStub;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Aliyun adapter (the provider's SDK, pointed at the local stub): the request it signs and sends, every kind of
 * failure told apart by what it says of the message (refused, never sent, or perhaps sent), and the lookup of a
 * message by its OutId in QuerySendDetails.
 */
class AliyunSmsGatewayTest {

    private static final SmsMessage RETURNED = new SmsMessage(
            "key-1",
            "13800138000",
            "RETURNED",
            Map.of("returns", "毕业证书：毕业证编号无法辨别，请重新上传！", "deadline", "2026年3月12日"),
            "您的报名材料被退回……");

    @BeforeEach
    void provider() {
        SmsProviderStub.reset();
    }

    @Test
    void acceptedMessageIsASignedSendSmsWithTheTemplateAndTheIdempotencyKey() {
        String providerId =
                gateway("LTAI-demo", "secret", Duration.ofSeconds(5)).send(RETURNED);

        assertThat(providerId).isEqualTo("biz-1");
        assertThat(SmsProviderStub.sendSmsParameters())
                .singleElement()
                .satisfies(sent -> assertThat(sent)
                        .containsEntry("PhoneNumbers", "13800138000")
                        .containsEntry("SignName", "医师资格考试")
                        .containsEntry("TemplateCode", "SMS_RETURNED")
                        .containsEntry("OutId", "key-1")
                        .containsEntry(
                                "TemplateParam",
                                "{\"deadline\":\"2026年3月12日\",\"returns\":\"毕业证书：毕业证编号无法辨别，请重新上传！\"}"));
        LoggedRequest request =
                PROVIDER.findAll(SmsProviderStub.requested("SendSms")).get(0);
        assertThat(request.getHeader("x-acs-version")).isEqualTo("2017-05-25");
        assertThat(request.getHeader("Authorization")).startsWith("ACS3-HMAC-SHA256 Credential=LTAI-demo,");
    }

    @Test
    void providerDownIsARefusal() {
        SmsProviderStub.down();

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(RETURNED))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.REFUSED))
                .hasMessageContaining("503");
    }

    @Test
    void throttlingAnswerIsARefusal() {
        SmsProviderStub.throttles();

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(RETURNED))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.REFUSED))
                .hasMessageContaining("throttled");
    }

    @Test
    void aTimeoutLeavesTheOutcomeUnknown() {
        SmsProviderStub.slowAccept(Duration.ofMillis(1500));

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofMillis(300)).send(RETURNED))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN))
                .hasMessageContaining("timed out");
        assertThat(SmsProviderStub.sendSmsCount("key-1")).isOne();
    }

    @Test
    void aConnectionCutAfterTheRequestLeavesTheOutcomeUnknown() {
        SmsProviderStub.acceptsThenCutsTheConnection();

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(RETURNED))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN));
    }

    @Test
    void aProviderThatCannotBeReachedWasSentNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> gateway(URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(2))
                        .send(RETURNED))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT))
                .hasMessageContaining("unreachable");
    }

    @Test
    void aKindWithoutApprovedTemplateIsNotSent() {
        SmsMessage unknown = new SmsMessage("key-2", "13800138000", "CANCELLED", Map.of(), "已取消");

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(unknown))
                .isInstanceOfSatisfying(
                        SmsDeliveryException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.NOT_SENT))
                .hasMessageContaining("template-codes.CANCELLED");
        assertThat(PROVIDER.getAllServeEvents()).isEmpty();
    }

    @Test
    void querySendDetailsFindsTheMessageByItsOutIdOnTheDayOfTheAttempt() {
        AliyunSmsGateway gateway = gateway("id", "secret", Duration.ofSeconds(5));
        Instant attempt = Instant.now();
        gateway.send(RETURNED);

        assertThat(gateway.findAccepted(RETURNED, List.of(attempt)))
                .hasValueSatisfying(found -> assertThat(found).contains("SendStatus 3"));
        SmsMessage neverSent = new SmsMessage("key-9", RETURNED.phone(), "RETURNED", RETURNED.params(), "…");
        assertThat(gateway.findAccepted(neverSent, List.of(attempt))).isEmpty();
        assertThat(SmsProviderStub.querySendDetailsRequests()).isPositive();
    }

    @Test
    void anAttemptJustBeforeMidnightIsLookedUpOnTheNextDayToo() {
        Instant lateAttempt =
                ZonedDateTime.parse("2026-03-11T23:59:58+08:00[Asia/Shanghai]").toInstant();

        assertThat(gateway("id", "secret", Duration.ofSeconds(5)).sendDates(List.of(lateAttempt)))
                .containsExactly(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-12"));
    }

    @Test
    void aProviderThatCannotBeAskedIsAFailureNotAnAnswer() {
        SmsProviderStub.queriesDown();

        assertThatThrownBy(() ->
                        gateway("id", "secret", Duration.ofSeconds(5)).findAccepted(RETURNED, List.of(Instant.now())))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("503");
    }

    @Test
    void missingSecretStopsTheApplicationFromStarting() {
        assertThatThrownBy(() -> gateway("id", " ", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("access-key-secret");
    }

    private static AliyunSmsGateway gateway(String keyId, String secret, Duration readTimeout) {
        return gateway(keyId, secret, URI.create(SmsProviderStub.endpoint()), readTimeout);
    }

    private static AliyunSmsGateway gateway(URI endpoint, Duration readTimeout) {
        return gateway("id", "secret", endpoint, readTimeout);
    }

    private static AliyunSmsGateway gateway(String keyId, String secret, URI endpoint, Duration readTimeout) {
        return new AliyunSmsGateway(
                new AliyunSmsProperties(
                        endpoint,
                        keyId,
                        secret,
                        "医师资格考试",
                        null,
                        Map.of("RETURNED", "SMS_RETURNED"),
                        Duration.ofSeconds(2),
                        readTimeout),
                new ObjectMapper());
    }
}

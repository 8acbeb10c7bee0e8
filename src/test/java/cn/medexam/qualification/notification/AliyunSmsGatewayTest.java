package cn.medexam.qualification.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Aliyun adapter against a local stub of the provider: request shape, signature, and every kind of failure. */
class AliyunSmsGatewayTest {

    private static final SmsMessage RETURNED = new SmsMessage(
            "key-1",
            "13800138000",
            "RETURNED",
            Map.of("returns", "毕业证书：毕业证编号无法辨别，请重新上传！", "deadline", "2026年3月12日"),
            "您的报名材料被退回……");

    private final WireMockServer provider = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startProvider() {
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void signatureMatchesAliyunsPublishedExample() {
        Map<String, String> example = new LinkedHashMap<>();
        example.put("AccessKeyId", "testId");
        example.put("Action", "SendSms");
        example.put("Format", "XML");
        example.put("OutId", "123");
        example.put("PhoneNumbers", "15300000001");
        example.put("RegionId", "cn-hangzhou");
        example.put("SignName", "阿里云短信测试专用");
        example.put("SignatureMethod", "HMAC-SHA1");
        example.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        example.put("SignatureVersion", "1.0");
        example.put("TemplateCode", "SMS_71390007");
        example.put("TemplateParam", "{\"customer\":\"test\"}");
        example.put("Timestamp", "2017-07-12T02:42:19Z");
        example.put("Version", "2017-05-25");

        String signature = gateway("testId", "testSecret", Duration.ofSeconds(5))
                .sign(AliyunSmsGateway.stringToSign("GET", example));

        assertThat(signature).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void acceptedMessageIsASignedSendSmsWithTheTemplateAndTheIdempotencyKey() {
        answer(aResponse()
                .withStatus(200)
                .withBody("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\"}"));
        AliyunSmsGateway gateway = gateway("LTAI-demo", "secret", Duration.ofSeconds(5));

        String providerId = gateway.send(RETURNED);

        assertThat(providerId).isEqualTo("900619746936498440^0");
        Map<String, String> sent =
                form(provider.findAll(postRequestedFor(urlEqualTo("/"))).get(0));
        assertThat(sent)
                .containsEntry("Action", "SendSms")
                .containsEntry("Version", "2017-05-25")
                .containsEntry("PhoneNumbers", "13800138000")
                .containsEntry("SignName", "医师资格考试")
                .containsEntry("TemplateCode", "SMS_RETURNED")
                .containsEntry("OutId", "key-1")
                .containsEntry("AccessKeyId", "LTAI-demo")
                .containsEntry("SignatureMethod", "HMAC-SHA1");
        assertThat(sent.get("TemplateParam"))
                .isEqualTo("{\"deadline\":\"2026年3月12日\",\"returns\":\"毕业证书：毕业证编号无法辨别，请重新上传！\"}");
        Map<String, String> signed = new TreeMap<>(sent);
        String signature = signed.remove("Signature");
        assertThat(signature).isEqualTo(gateway.sign(AliyunSmsGateway.stringToSign("POST", signed)));
    }

    @Test
    void providerDownIsADeliveryFailure() {
        answer(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(RETURNED))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("503");
    }

    @Test
    void throttlingAnswerIsADeliveryFailure() {
        answer(aResponse()
                .withStatus(200)
                .withBody("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发小时级流控Permits:5\"}"));

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(RETURNED))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("throttled");
    }

    @Test
    void timeoutIsADeliveryFailure() {
        answer(aResponse().withStatus(200).withFixedDelay(1500).withBody("{\"Code\":\"OK\",\"BizId\":\"late\"}"));

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofMillis(300)).send(RETURNED))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void aKindWithoutApprovedTemplateIsNotSent() {
        SmsMessage unknown = new SmsMessage("key-2", "13800138000", "CANCELLED", Map.of(), "已取消");

        assertThatThrownBy(() -> gateway("id", "secret", Duration.ofSeconds(5)).send(unknown))
                .isInstanceOf(SmsDeliveryException.class)
                .hasMessageContaining("template-codes.CANCELLED");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void missingSecretStopsTheApplicationFromStarting() {
        assertThatThrownBy(() -> gateway("id", " ", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("access-key-secret");
    }

    private void answer(ResponseDefinitionBuilder response) {
        provider.stubFor(post(urlEqualTo("/"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .willReturn(response));
    }

    private AliyunSmsGateway gateway(String keyId, String secret, Duration readTimeout) {
        return new AliyunSmsGateway(
                new AliyunSmsProperties(
                        URI.create(provider.baseUrl() + "/"),
                        keyId,
                        secret,
                        "医师资格考试",
                        null,
                        Map.of("RETURNED", "SMS_RETURNED"),
                        Duration.ofSeconds(2),
                        readTimeout),
                new ObjectMapper());
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] keyValue = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}

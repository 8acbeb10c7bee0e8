package cn.medexam.qualification.notification;

import cn.medexam.qualification.system.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends through Aliyun SMS (短信服务, API version 2017-05-25, action SendSms) in its RPC request shape: a form POST
 * signed with HMAC-SHA1 (signature version 1.0). Messages go out as the provider's approved templates
 * ({@link AliyunSmsProperties#templateCodes()}) with their parameters as TemplateParam. The idempotency key travels
 * as OutId, the provider's field for the caller's own id, so that a message retried after a timeout can be
 * recognised as the same one in the provider's delivery receipts.
 */
@Component
@ConditionalOnProperty(name = "qr.sms.gateway", havingValue = "aliyun")
class AliyunSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(AliyunSmsGateway.class);
    /** Aliyun answers this code when the phone number or the account is over its sending rate. */
    private static final String THROTTLED = "isv.BUSINESS_LIMIT_CONTROL";

    private final AliyunSmsProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    AliyunSmsGateway(AliyunSmsProperties properties, ObjectMapper json) {
        requireSet(properties.accessKeyId(), "qr.sms.aliyun.access-key-id");
        requireSet(properties.accessKeySecret(), "qr.sms.aliyun.access-key-secret");
        requireSet(properties.signName(), "qr.sms.aliyun.sign-name");
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    @Override
    public String send(SmsMessage message) {
        String templateCode = properties.templateCodes().get(message.kind());
        if (templateCode == null) {
            throw new SmsDeliveryException("no Aliyun template code configured for message kind " + message.kind()
                    + " (qr.sms.aliyun.template-codes." + message.kind() + ")");
        }
        String body = signedForm(message, templateCode, Instant.now());
        HttpRequest request = HttpRequest.newBuilder(properties.endpoint())
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsDeliveryException(
                    "Aliyun SMS unreachable or timed out: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending", e);
        }
        JsonNode answer = parse(response);
        String code = answer.path("Code").asText();
        if (response.statusCode() == 200 && "OK".equals(code)) {
            log.info(
                    "SMS {} to {} accepted by Aliyun as {}",
                    message.kind(),
                    Masking.phone(message.phone()),
                    answer.path("BizId").asText());
            return answer.path("BizId").asText();
        }
        String problem = THROTTLED.equals(code) ? "throttled by Aliyun" : "refused by Aliyun";
        throw new SmsDeliveryException(problem + ": HTTP " + response.statusCode() + " " + code + " "
                + answer.path("Message").asText());
    }

    /** The SendSms parameters with the RPC signature, form-encoded. */
    String signedForm(SmsMessage message, String templateCode, Instant now) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("AccessKeyId", properties.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("OutId", message.idempotencyKey());
        parameters.put("PhoneNumbers", message.phone());
        parameters.put("RegionId", properties.regionId());
        parameters.put("SignName", properties.signName());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("TemplateCode", templateCode);
        parameters.put("TemplateParam", templateParam(message.params()));
        parameters.put("Timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("Version", "2017-05-25");
        parameters.put("Signature", sign(stringToSign("POST", parameters)));
        return canonicalQuery(parameters);
    }

    static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    /** Aliyun's RPC signature: Base64(HMAC-SHA1(secret + "&", stringToSign)). */
    String sign(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(
                    (properties.accessKeySecret() + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** RFC 3986 encoding as Aliyun's signature wants it: space as %20, * as %2A, ~ kept. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private String templateParam(Map<String, String> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SmsDeliveryException("Aliyun SMS answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    private static void requireSet(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set when qr.sms.gateway=aliyun");
        }
    }
}

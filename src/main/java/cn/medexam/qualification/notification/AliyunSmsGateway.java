package cn.medexam.qualification.notification;

import cn.medexam.qualification.notification.SmsDeliveryException.Outcome;
import cn.medexam.qualification.system.Masking;
import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody.QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends through Aliyun SMS (短信服务, API 2017-05-25) with the provider's own Java SDK
 * ({@code com.aliyun:dysmsapi20170525}, which signs each call): SendSms with the approved template of the message's
 * kind ({@link AliyunSmsProperties#templateCodes()}) and its parameters as TemplateParam, the idempotency key as
 * OutId; and QuerySendDetails, which lists what the account sent to a phone on a day with each message's OutId. The
 * provider does not drop a second SendSms with the same OutId, so a message whose first attempt may have reached it
 * is looked up there before it is sent again ({@link #findAccepted}). The SDK's own retries are off: every attempt
 * is one call, recorded by the caller before it is made (decision 0006).
 */
@Component
@ConditionalOnProperty(name = "qr.sms.gateway", havingValue = "aliyun")
class AliyunSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(AliyunSmsGateway.class);
    /** Aliyun answers this code when the phone number or the account is over its sending rate. */
    private static final String THROTTLED = "isv.BUSINESS_LIMIT_CONTROL";
    /** QuerySendDetails' SendDate is a day of the provider's, in China Standard Time. */
    static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** QuerySendDetails answers at most 50 messages a page. */
    private static final long PAGE_SIZE = 50;
    /** Pages read per phone and day; a phone is sent a handful of messages a day. */
    private static final int MAX_PAGES = 4;

    private final AliyunSmsProperties properties;
    private final ObjectMapper json;
    private final Client client;

    AliyunSmsGateway(AliyunSmsProperties properties, ObjectMapper json) {
        requireSet(properties.accessKeyId(), "qr.sms.aliyun.access-key-id");
        requireSet(properties.accessKeySecret(), "qr.sms.aliyun.access-key-secret");
        requireSet(properties.signName(), "qr.sms.aliyun.sign-name");
        this.properties = properties;
        this.json = json;
        try {
            this.client = new Client(config(properties));
        } catch (Exception e) {
            throw new IllegalStateException("Aliyun SMS client could not be made: " + e.getMessage(), e);
        }
    }

    /** The SDK's settings: endpoint host (and port) and protocol from qr.sms.aliyun.endpoint, the timeouts. */
    static Config config(AliyunSmsProperties properties) {
        URI endpoint = properties.endpoint();
        return new Config()
                .setAccessKeyId(properties.accessKeyId())
                .setAccessKeySecret(properties.accessKeySecret())
                .setRegionId(properties.regionId())
                .setEndpoint(endpoint.getAuthority())
                .setProtocol(endpoint.getScheme().toUpperCase(Locale.ROOT))
                .setConnectTimeout(millis(properties.connectTimeout()))
                .setReadTimeout(millis(properties.readTimeout()));
    }

    @Override
    public String send(SmsMessage message) {
        String templateCode = properties.templateCodes().get(message.kind());
        if (templateCode == null) {
            throw new SmsDeliveryException(
                    Outcome.NOT_SENT,
                    "no Aliyun template code configured for message kind " + message.kind()
                            + " (qr.sms.aliyun.template-codes." + message.kind() + ")");
        }
        SendSmsRequest request = new SendSmsRequest()
                .setPhoneNumbers(message.phone())
                .setSignName(properties.signName())
                .setTemplateCode(templateCode)
                .setTemplateParam(templateParam(message.params()))
                .setOutId(message.idempotencyKey());
        SendSmsResponseBody answer;
        try {
            answer = client.sendSmsWithOptions(request, oneCall()).getBody();
        } catch (Exception e) {
            throw failure("SendSms", e);
        }
        if ("OK".equals(answer.getCode())) {
            log.info(
                    "SMS {} to {} accepted by Aliyun as {}",
                    message.kind(),
                    Masking.phone(message.phone()),
                    answer.getBizId());
            return answer.getBizId();
        }
        String problem = THROTTLED.equals(answer.getCode()) ? "throttled by Aliyun" : "refused by Aliyun";
        throw new SmsDeliveryException(Outcome.REFUSED, problem + ": " + answer.getCode() + " " + answer.getMessage());
    }

    @Override
    public Optional<String> findAccepted(SmsMessage message, List<Instant> attemptsStarted) {
        for (LocalDate day : sendDates(attemptsStarted)) {
            for (long page = 1; page <= MAX_PAGES; page++) {
                QuerySendDetailsRequest request = new QuerySendDetailsRequest()
                        .setPhoneNumber(message.phone())
                        .setSendDate(SEND_DATE.format(day))
                        .setPageSize(PAGE_SIZE)
                        .setCurrentPage(page);
                QuerySendDetailsResponseBody answer;
                try {
                    answer = client.querySendDetailsWithOptions(request, oneCall())
                            .getBody();
                } catch (Exception e) {
                    throw failure("QuerySendDetails", e);
                }
                if (!"OK".equals(answer.getCode())) {
                    throw new SmsDeliveryException(
                            Outcome.REFUSED,
                            "QuerySendDetails refused by Aliyun: " + answer.getCode() + " " + answer.getMessage());
                }
                List<QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO> sent =
                        answer.getSmsSendDetailDTOs() == null
                                        || answer.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null
                                ? List.of()
                                : answer.getSmsSendDetailDTOs().getSmsSendDetailDTO();
                for (QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO detail : sent) {
                    if (message.idempotencyKey().equals(detail.getOutId())) {
                        return Optional.of("QuerySendDetails " + day + ": SendStatus " + detail.getSendStatus()
                                + ", sent " + detail.getSendDate());
                    }
                }
                if (sent.size() < PAGE_SIZE || total(answer) <= page * PAGE_SIZE) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The provider's days on which these attempts may have been recorded: the day each started and the day it could
     * have ended at the latest (an attempt just before midnight is recorded on the next day).
     */
    SortedSet<LocalDate> sendDates(List<Instant> attemptsStarted) {
        Duration longest =
                properties.connectTimeout().plus(properties.readTimeout()).plusMinutes(1);
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Instant started : attemptsStarted) {
            days.add(LocalDate.ofInstant(started, PROVIDER_ZONE));
            days.add(LocalDate.ofInstant(started.plus(longest), PROVIDER_ZONE));
        }
        return days;
    }

    /** One HTTP call, no retry inside the SDK: the caller records each attempt before it is made. */
    private static RuntimeOptions oneCall() {
        return new RuntimeOptions().setAutoretry(false);
    }

    /**
     * What a failed call tells about the message: nothing went out (no connection), the provider answered no (an
     * error answer with HTTP 4xx or 503), or it may have arrived (a timeout, a cut connection, any other answer).
     */
    static SmsDeliveryException failure(String action, Exception e) {
        if (e instanceof TeaException answered && answered.getStatusCode() != null) {
            int status = answered.getStatusCode();
            String problem = "Aliyun " + action + " answered HTTP " + status + " " + answered.getCode();
            return status == 503 || (status >= 400 && status < 500)
                    ? new SmsDeliveryException(Outcome.REFUSED, problem, e)
                    : new SmsDeliveryException(Outcome.UNKNOWN, problem, e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException
                    || (cause instanceof SocketTimeoutException
                            && String.valueOf(cause.getMessage()).contains("connect"))) {
                return new SmsDeliveryException(
                        Outcome.NOT_SENT,
                        "Aliyun SMS unreachable (" + action + "): "
                                + cause.getClass().getSimpleName(),
                        e);
            }
            if (cause instanceof SocketTimeoutException) {
                return new SmsDeliveryException(
                        Outcome.UNKNOWN, "Aliyun " + action + " timed out: no answer within the read timeout", e);
            }
        }
        return new SmsDeliveryException(
                Outcome.UNKNOWN,
                "Aliyun " + action + " failed without an answer: "
                        + e.getClass().getSimpleName() + " " + e.getMessage(),
                e);
    }

    private static long total(QuerySendDetailsResponseBody answer) {
        try {
            return Long.parseLong(answer.getTotalCount());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private String templateParam(Map<String, String> params) {
        try {
            return json.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static void requireSet(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set when qr.sms.gateway=aliyun");
        }
    }
}

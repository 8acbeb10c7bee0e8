package cn.medexam.qualification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for Aliyun SMS (API 2017-05-25 as its Java SDK calls it: POST / with the action in header
 * {@code x-acs-action}, the parameters in the query, signed with {@code ACS3-HMAC-SHA256}), one for the whole test
 * run (test contexts are cached and may outlive a test class). It keeps every message it accepted, the way the
 * provider does, and answers QuerySendDetails from them: a phone's messages of a day with their OutId. Each test
 * calls {@link #reset()} and then puts the provider into the behaviour it needs: {@link #accepts()},
 * {@link #slowAccept}, {@link #acceptsThenCutsTheConnection()}, {@link #down()}, {@link #throttles()}, …
 *
 * <p>Like the provider, the stub sends a message as often as SendSms asks for it, whatever its OutId:
 * {@link #sendSmsCount(String)} is how many SMS that message became.
 */
public final class SmsProviderStub {

    /** The provider's time zone: QuerySendDetails' SendDate is a day in China Standard Time. */
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDS_ACCEPTANCE = "records-acceptance";
    private static final String ANSWERS_QUERY = "answers-query-send-details";
    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    /**
     * The provider's clock: the engine's in tests that move it (an SMS sent in a test's January is recorded on
     * that day), the real one elsewhere.
     */
    private static final Supplier<Instant> CLOCK =
            () -> ClockUtil.getCurrentTime().toInstant();

    public static final WireMockServer PROVIDER = new WireMockServer(
            options().dynamicPort().extensions(new RecordsAcceptance(), new AnswersQuerySendDetails()));

    /** The provider's answer to an accepted SendSms. */
    public static final String ACCEPTED =
            "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-1\",\"RequestId\":\"r-1\"}";

    /** A message the provider accepted, as it keeps it. */
    public record Sent(
            String phone, String outId, String templateCode, Map<String, String> templateParam, Instant at) {}

    static {
        PROVIDER.start();
        reset();
        warmUp();
    }

    private SmsProviderStub() {}

    /** The stub's first answer takes seconds (its server warms up): not in a test's read timeout. */
    private static void warmUp() {
        try {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(PROVIDER.baseUrl() + "/warm-up"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PROVIDER.resetRequests();
    }

    /** Points the Aliyun adapter at the stub; call from a test class's {@code @DynamicPropertySource}. */
    public static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("qr.sms.aliyun.endpoint", SmsProviderStub::endpoint);
    }

    public static String endpoint() {
        return PROVIDER.baseUrl() + "/";
    }

    /** A provider that has sent nothing yet and accepts everything (and answers QuerySendDetails). */
    public static void reset() {
        PROVIDER.resetAll();
        SENT.clear();
        accepts();
    }

    // --- behaviours ----------------------------------------------------------------------------------------------

    /** SendSms accepted at once. */
    public static void accepts() {
        sendSms(accepted());
        answersQueries();
    }

    /** SendSms accepted (the SMS goes out) but answered only after this delay: past the read timeout, a late accept. */
    public static void slowAccept(Duration delay) {
        sendSms(accepted().withFixedDelay(Math.toIntExact(delay.toMillis())));
        answersQueries();
    }

    /**
     * SendSms accepted (the SMS goes out) and the connection then cut before the answer: the caller hears nothing,
     * as a node that died right after the provider took the message would.
     */
    public static void acceptsThenCutsTheConnection() {
        sendSms(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).withTransformers(RECORDS_ACCEPTANCE));
        answersQueries();
    }

    /** Every call answered 503 ServiceUnavailable, QuerySendDetails too: nothing is sent. */
    public static void down() {
        PROVIDER.stubFor(signed(post(urlPathEqualTo("/"))).willReturn(unavailable()));
    }

    /** SendSms answered 503 the first {@code failures} times, then accepted; QuerySendDetails answers all along. */
    public static void downForTheFirst(int failures) {
        for (int failure = 0; failure < failures; failure++) {
            PROVIDER.stubFor(signed(action("SendSms"))
                    .inScenario("outage")
                    .whenScenarioStateIs(failure == 0 ? Scenario.STARTED : "failed " + failure)
                    .willReturn(unavailable())
                    .willSetStateTo(failure + 1 == failures ? "back" : "failed " + (failure + 1)));
        }
        PROVIDER.stubFor(signed(action("SendSms"))
                .inScenario("outage")
                .whenScenarioStateIs("back")
                .willReturn(accepted()));
        answersQueries();
    }

    /** SendSms refused with Aliyun's rate-limit answer (HTTP 200, Code isv.BUSINESS_LIMIT_CONTROL). */
    public static void throttles() {
        sendSms(aResponse().withBody("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发天级流控\"}"));
        answersQueries();
    }

    /** QuerySendDetails answered 503 (SendSms as it was). */
    public static void queriesDown() {
        PROVIDER.stubFor(signed(action("QuerySendDetails")).willReturn(unavailable()));
    }

    // --- what the provider saw -----------------------------------------------------------------------------------

    /** Every message the provider accepted, oldest first. */
    public static List<Sent> sent() {
        return List.copyOf(SENT);
    }

    /** How many SMS the provider sent for this OutId. */
    public static long sendSmsCount(String outId) {
        return SENT.stream().filter(sent -> outId.equals(sent.outId())).count();
    }

    /** How many SendSms requests carried this OutId, accepted or not. */
    public static long sendSmsRequests(String outId) {
        return PROVIDER.findAll(requested("SendSms")).stream()
                .filter(request -> outId.equals(query(request).get("OutId")))
                .count();
    }

    /** How many SendSms requests arrived, accepted or not. */
    public static long sendSmsRequests() {
        return PROVIDER.findAll(requested("SendSms")).size();
    }

    public static long querySendDetailsRequests() {
        return PROVIDER.findAll(requested("QuerySendDetails")).size();
    }

    /** The parameters of every SendSms request, oldest first. */
    public static List<Map<String, String>> sendSmsParameters() {
        return PROVIDER.findAll(requested("SendSms")).stream()
                .map(SmsProviderStub::query)
                .toList();
    }

    public static RequestPatternBuilder requested(String action) {
        return postRequestedFor(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo(action));
    }

    // --- the provider's side --------------------------------------------------------------------------------------

    private static void sendSms(ResponseDefinitionBuilder answer) {
        PROVIDER.stubFor(signed(action("SendSms")).willReturn(answer));
    }

    private static void answersQueries() {
        PROVIDER.stubFor(signed(action("QuerySendDetails"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withTransformers(ANSWERS_QUERY)));
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(ACCEPTED)
                .withTransformers(RECORDS_ACCEPTANCE);
    }

    private static ResponseDefinitionBuilder unavailable() {
        return aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Code\":\"ServiceUnavailable\",\"Message\":\"The request has failed due to a temporary "
                        + "failure of the server.\",\"RequestId\":\"r-503\"}");
    }

    private static MappingBuilder action(String action) {
        return post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo(action));
    }

    /** Only calls signed the way the SDK signs them reach the provider. */
    private static MappingBuilder signed(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", matching("ACS3-HMAC-SHA256 Credential=[^,]+,SignedHeaders=.+"));
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(request.getUrl()).getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] keyValue = pair.split("=", 2);
            parameters.put(
                    URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                    keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** Keeps the message of an accepted SendSms before its answer (however late) is given. */
    static final class RecordsAcceptance implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Map<String, String> parameters = query(serveEvent.getRequest());
            Map<String, String> templateParam;
            try {
                templateParam =
                        JSON.readValue(parameters.getOrDefault("TemplateParam", "{}"), new TypeReference<>() {});
            } catch (JsonProcessingException e) {
                templateParam = Map.of();
            }
            SENT.add(new Sent(
                    parameters.get("PhoneNumbers"),
                    parameters.get("OutId"),
                    parameters.get("TemplateCode"),
                    templateParam,
                    CLOCK.get()));
            return serveEvent.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return RECORDS_ACCEPTANCE;
        }
    }

    /** QuerySendDetails: the messages sent to PhoneNumber on SendDate (yyyyMMdd), a page of them. */
    static final class AnswersQuerySendDetails implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Map<String, String> parameters = query(serveEvent.getRequest());
            LocalDate day = LocalDate.parse(parameters.get("SendDate"), DateTimeFormatter.BASIC_ISO_DATE);
            int pageSize = Integer.parseInt(parameters.getOrDefault("PageSize", "10"));
            int page = Integer.parseInt(parameters.getOrDefault("CurrentPage", "1"));
            List<Sent> ofTheDay = SENT.stream()
                    .filter(sent -> sent.phone().equals(parameters.get("PhoneNumber")))
                    .filter(sent ->
                            LocalDate.ofInstant(sent.at(), PROVIDER_ZONE).equals(day))
                    .toList();
            List<Map<String, Object>> details = new ArrayList<>();
            ofTheDay.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(sent -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("PhoneNum", sent.phone());
                detail.put("SendStatus", 3);
                detail.put("ErrCode", "DELIVERED");
                detail.put("TemplateCode", sent.templateCode());
                detail.put("SendDate", TIME.format(LocalDateTime.ofInstant(sent.at(), PROVIDER_ZONE)));
                detail.put("OutId", sent.outId());
                details.add(detail);
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("Code", "OK");
            answer.put("Message", "OK");
            answer.put("RequestId", "r-query");
            answer.put("TotalCount", String.valueOf(ofTheDay.size()));
            answer.put("SmsSendDetailDTOs", Map.of("SmsSendDetailDTO", details));
            try {
                return ResponseDefinition.okForJson(answer);
            } catch (RuntimeException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return ANSWERS_QUERY;
        }
    }
}

package cn.medexam.qualification.notification;

import static cn.medexam.qualification.support.SmsProviderStub.ACCEPTED;
import static cn.medexam.qualification.support.SmsProviderStub.PROVIDER;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.SmsProviderStub;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS from lifecycle step to provider, with the Aliyun adapter against a local stub: queued atomically with the
 * step, delivered once even when the provider is down or slow, an incident in Cockpit when retries run out.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "qr.sms.gateway=aliyun",
            "qr.sms.aliyun.access-key-id=LTAI-test",
            "qr.sms.aliyun.access-key-secret=test-secret",
            "qr.sms.aliyun.sign-name=医师资格考试",
            "qr.sms.aliyun.read-timeout=PT2S",
            "qr.sms.aliyun.template-codes.SUBMITTED=SMS_SUBMITTED"
        })
class SmsDeliveryTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SmsProviderStub.endpoint(registry);
    }

    @Autowired
    CaseDriver cases;

    @Autowired
    Notifier notifier;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SmsDeliveries deliveries;

    Applicant applicant = Applicant.shandongBachelor();
    SmsDeliveries.Delivery delivery;

    @BeforeEach
    void submittedCandidate() {
        delivery = deliveries.of(applicant, null);
        PROVIDER.resetAll();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSubmittedMessageIsQueuedForTheRegistrationPhoneAndDelivered() {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(ACCEPTED)));

        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        PROVIDER.verify(
                1,
                postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("OutId=" + delivery.outboxId()))
                        .withRequestBody(containing("PhoneNumbers=13800138000"))
                        .withRequestBody(containing("TemplateCode=SMS_SUBMITTED")));
        assertThat(delivery.job()).isNull();
    }

    @Test
    void aStepThatRollsBackSendsNothing() {
        Applicant other = Applicant.shandongBachelor();
        cases.register(other);

        transaction.executeWithoutResult(status -> {
            notifier.notify(other.candidateNo, "CANCELLED", Map.of());
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE candidate_no = ?")
                        .param(other.candidateNo)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(cases.messages(other)).isEmpty();
    }

    @Test
    void providerDownThenUpDeliversTheMessageOnceWithTheSameKey() {
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("back"));
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("outage")
                .whenScenarioStateIs("back")
                .willReturn(aResponse().withBody(ACCEPTED)));

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(outbox()).containsExactly("SUBMITTED:PENDING");
        Job retry = delivery.job();
        assertThat(retry.getRetries()).isEqualTo(5); // retried after 1, 5, 15, 60, 240 minutes
        assertThat(retry.getDuedate())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plusSeconds(60));

        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(outIds()).hasSize(2).containsOnly(delivery.outboxId());
        assertThat(delivery.job()).isNull();
    }

    @Test
    void aTimedOutAttemptIsRetriedWithTheSameKey() {
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFixedDelay(5000).withBody(ACCEPTED))
                .willSetStateTo("fast"));
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(aResponse().withBody(ACCEPTED)));

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("timed out");
        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(outIds()).hasSize(2).containsOnly(delivery.outboxId());
    }

    @Test
    void whenRetriesRunOutAnIncidentShowsInCockpitAndItsRetryDelivers() {
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .willReturn(aResponse().withBody("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发天级流控\"}")));

        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("throttled");
        }

        List<Incident> incidents = runtimeService
                .createIncidentQuery()
                .processInstanceId(delivery.instance())
                .list();
        assertThat(incidents)
                .singleElement()
                .satisfies(
                        incident -> assertThat(incident.getIncidentMessage()).contains("isv.BUSINESS_LIMIT_CONTROL"));
        assertThat(outbox()).containsExactly("SUBMITTED:PENDING");

        PROVIDER.resetAll();
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(ACCEPTED)));
        managementService.setJobRetries(delivery.job().getId(), 1); // what Cockpit's "retry" does
        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isZero();
    }

    @Test
    void logsNeverShowThePhoneNumber(CapturedOutput output) {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(ACCEPTED)));

        delivery.attemptAtItsDueDate();

        assertThat(output.getAll()).contains("138****8000").doesNotContain("13800138000");
    }

    private List<String> outbox() {
        return jdbc.sql("SELECT kind, status FROM sms_outbox WHERE candidate_no = ? ORDER BY seq")
                .param(applicant.candidateNo)
                .query((rs, row) -> rs.getString("kind") + ":" + rs.getString("status"))
                .list();
    }

    /** The OutId of every request the provider received for this test's message. */
    private List<String> outIds() {
        return PROVIDER.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .filter(request -> request.getBodyAsString().contains("OutId=" + delivery.outboxId()))
                .map(request -> request.getBodyAsString().replaceAll(".*OutId=([^&]+).*", "$1"))
                .toList();
    }
}

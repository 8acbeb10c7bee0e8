package cn.medexam.qualification.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.EngineTest;

/**
 * Activation codes against the provider stub during an outage: retried every minute within the code's 10 minutes,
 * and never sent once the code has expired. The engine clock moves; nothing sleeps.
 */
@EngineTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"qr.sms.gateway=aliyun", "qr.sms.aliyun.access-key-id=LTAI-test",
        "qr.sms.aliyun.access-key-secret=test-secret", "qr.sms.aliyun.sign-name=医师资格考试",
        "qr.sms.aliyun.read-timeout=PT2S", "qr.sms.aliyun.template-codes.ACTIVATION_CODE=SMS_CODE"})
class ActivationCodeDeliveryTest {

    private static final WireMockServer PROVIDER = new WireMockServer(options().dynamicPort());
    private static final String ACCEPTED = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-1\"}";
    private static final Duration VALIDITY = Duration.ofMinutes(10);

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("qr.sms.aliyun.endpoint", () -> PROVIDER.baseUrl() + "/");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Autowired
    CaseDriver cases;
    @Autowired
    Candidates candidates;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    Applicant applicant = Applicant.shandongBachelor();
    Instant askedAt;

    @BeforeEach
    void aRegisteredCandidateAsksForACodeWhileTheProviderIsDown() throws Exception {
        PROVIDER.resetAll();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(applicant);
        askedAt = now();
        candidates.requestCode(applicant);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void duringAnOutageTheCodeIsRetriedEveryTwoMinutesAndArrivesWithinItsTenMinutes() {
        PROVIDER.stubFor(post(urlEqualTo("/")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        PROVIDER.stubFor(post(urlEqualTo("/")).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        PROVIDER.stubFor(post(urlEqualTo("/")).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(aResponse().withBody(ACCEPTED)));

        assertThatThrownBy(this::deliverAttemptAtItsDueDate).hasMessageContaining("503");
        assertThat(deliveryJob().getRetries()).isEqualTo(4);
        assertThat(deliveryJob().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(this::deliverAttemptAtItsDueDate).hasMessageContaining("503");
        assertThat(deliveryJob().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(4)));
        deliverAttemptAtItsDueDate();

        assertThat(status()).isEqualTo("SENT");
        assertThat(sentAt()).isBefore(askedAt.plus(VALIDITY));
        PROVIDER.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TemplateCode=SMS_CODE")));
    }

    @Test
    void whenEveryRetryFailsTheLastOneIsStillWithinTheCodesValidity() {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(deliveryJob().getRetries()).isPositive();
            assertThatThrownBy(this::deliverAttemptAtItsDueDate).hasMessageContaining("503");
        }

        assertThat(now()).isEqualTo(askedAt.plus(Duration.ofMinutes(8))).isBefore(askedAt.plus(VALIDITY));
        assertThat(deliveryJob().getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(deliveryInstance()).count()).isOne();
        PROVIDER.verify(5, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aCodeThatExpiredBeforeItsRetryIsNotSentAtAll() {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(this::deliverAttemptAtItsDueDate).hasMessageContaining("503");
        PROVIDER.resetAll();
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(ACCEPTED)));

        // the nodes were down: the retry only runs after the code's 10 minutes
        ClockUtil.setCurrentTime(Date.from(askedAt.plus(VALIDITY)));
        managementService.executeJob(deliveryJob().getId());

        assertThat(status()).isEqualTo("EXPIRED");
        PROVIDER.verify(0, postRequestedFor(urlEqualTo("/")));
        assertThat(deliveryJob()).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(deliveryInstance()).count()).isZero();
    }

    private void deliverAttemptAtItsDueDate() {
        Job job = deliveryJob();
        if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        managementService.executeJob(job.getId());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private Job deliveryJob() {
        return managementService.createJobQuery().processInstanceId(deliveryInstance()).singleResult();
    }

    private String deliveryInstance() {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(outboxId())
                .processDefinitionKey("smsDelivery").singleResult().getId();
    }

    private String outboxId() {
        return jdbc.sql("SELECT id FROM sms_outbox WHERE candidate_no = ? AND kind = 'ACTIVATION_CODE'")
                .param(applicant.candidateNo).query(String.class).single();
    }

    private String status() {
        return jdbc.sql("SELECT status FROM sms_outbox WHERE id = ?").param(outboxId()).query(String.class).single();
    }

    private Instant sentAt() {
        return jdbc.sql("SELECT sent_at FROM sms_outbox WHERE id = ?").param(outboxId())
                .query(Timestamp.class).single().toInstant();
    }
}

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
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.SmsProviderStub;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Activation codes against the provider stub during an outage: retried every minute within the code's 10 minutes,
 * and never sent once the code has expired. The engine clock moves; nothing sleeps.
 */
@EngineTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "qr.sms.gateway=aliyun",
            "qr.sms.aliyun.access-key-id=LTAI-test",
            "qr.sms.aliyun.access-key-secret=test-secret",
            "qr.sms.aliyun.sign-name=医师资格考试",
            "qr.sms.aliyun.read-timeout=PT2S",
            "qr.sms.aliyun.template-codes.ACTIVATION_CODE=SMS_CODE"
        })
class ActivationCodeDeliveryTest {

    private static final Duration VALIDITY = Duration.ofMinutes(10);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SmsProviderStub.endpoint(registry);
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

    @Autowired
    SmsDeliveries deliveries;

    Applicant applicant = Applicant.shandongBachelor();
    SmsDeliveries.Delivery delivery;
    Instant askedAt;

    @BeforeEach
    void aRegisteredCandidateAsksForACodeWhileTheProviderIsDown() throws Exception {
        delivery = deliveries.of(applicant, "ACTIVATION_CODE");
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
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("outage")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("back"));
        PROVIDER.stubFor(post(urlEqualTo("/"))
                .inScenario("outage")
                .whenScenarioStateIs("back")
                .willReturn(aResponse().withBody(ACCEPTED)));

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(delivery.job().getRetries()).isEqualTo(4);
        assertThat(delivery.job().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(delivery.job().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(4)));
        delivery.attemptAtItsDueDate();

        assertThat(delivery.status()).isEqualTo("SENT");
        assertThat(delivery.sentAt()).isBefore(askedAt.plus(VALIDITY));
        PROVIDER.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TemplateCode=SMS_CODE")));
    }

    @Test
    void whenEveryRetryFailsTheLastOneIsStillWithinTheCodesValidity() {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(delivery.job().getRetries()).isPositive();
            assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        }

        assertThat(now()).isEqualTo(askedAt.plus(Duration.ofMinutes(8))).isBefore(askedAt.plus(VALIDITY));
        assertThat(delivery.job().getRetries()).isZero();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isOne();
        PROVIDER.verify(5, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aCodeThatExpiredBeforeItsRetryIsNotSentAtAll() {
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        PROVIDER.resetAll();
        PROVIDER.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withBody(ACCEPTED)));

        // the nodes were down: the retry only runs after the code's 10 minutes
        ClockUtil.setCurrentTime(Date.from(askedAt.plus(VALIDITY)));
        managementService.executeJob(delivery.job().getId());

        assertThat(delivery.status()).isEqualTo("EXPIRED");
        PROVIDER.verify(0, postRequestedFor(urlEqualTo("/")));
        assertThat(delivery.job()).isNull();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isZero();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

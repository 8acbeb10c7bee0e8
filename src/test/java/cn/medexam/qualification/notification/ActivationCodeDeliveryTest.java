package cn.medexam.qualification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.SmsProviderStub;
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
            "qr.sms.aliyun.read-timeout=PT10S",
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
        SmsProviderStub.reset();
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
    void theCodeIsTakenBeforeEveryCasesJob() {
        // the cases' own jobs have 10, the batches 20 (decision 0019); a code is someone waiting at their phone
        assertThat(delivery.job().getPriority()).isEqualTo(20);
    }

    @Test
    void duringAnOutageTheCodeIsRetriedEveryTwoMinutesAndArrivesWithinItsTenMinutes() {
        SmsProviderStub.downForTheFirst(2);

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(delivery.job().getRetries()).isEqualTo(4);
        assertThat(delivery.job().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(delivery.job().getDuedate().toInstant()).isEqualTo(askedAt.plus(Duration.ofMinutes(4)));
        delivery.attemptAtItsDueDate();

        assertThat(delivery.status()).isEqualTo("SENT");
        assertThat(delivery.sentAt()).isBefore(askedAt.plus(VALIDITY));
        assertThat(SmsProviderStub.sendSmsParameters())
                .hasSize(3)
                .allSatisfy(sent -> assertThat(sent).containsEntry("TemplateCode", "SMS_CODE"));
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
    }

    @Test
    void whenEveryRetryFailsTheLastOneIsStillWithinTheCodesValidity() {
        SmsProviderStub.down();

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
        assertThat(SmsProviderStub.sendSmsRequests()).isEqualTo(5);
        assertThat(SmsProviderStub.sent()).isEmpty();
    }

    @Test
    void aCodeThatExpiredBeforeItsRetryIsNotSentAtAll() {
        SmsProviderStub.down();
        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        SmsProviderStub.reset();

        // the nodes were down: the retry only runs after the code's 10 minutes
        ClockUtil.setCurrentTime(Date.from(askedAt.plus(VALIDITY)));
        managementService.executeJob(delivery.job().getId());

        assertThat(delivery.status()).isEqualTo("EXPIRED");
        assertThat(SmsProviderStub.sendSmsRequests()).isZero();
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

package cn.medexam.qualification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.SmsProviderStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS from lifecycle step to provider, with the Aliyun adapter (the provider's SDK) against a local stub: queued
 * atomically with the step, delivered once even when the provider is down, answers late, or the node dies after
 * the provider took the message (issue 16), an incident in Cockpit when retries run out.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "qr.sms.gateway=aliyun",
            "qr.sms.aliyun.access-key-id=LTAI-test",
            "qr.sms.aliyun.access-key-secret=test-secret",
            "qr.sms.aliyun.sign-name=医师资格考试",
            "qr.sms.aliyun.read-timeout=PT4S",
            "qr.sms.aliyun.template-codes.SUBMITTED=SMS_SUBMITTED"
        })
class SmsDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveryTest.class);

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

    @Autowired
    SmsAttempts attempts;

    @Autowired
    SmsOutbox outboxMessages;

    @Autowired
    SmsGateway gateway;

    Applicant applicant = Applicant.shandongBachelor();
    SmsDeliveries.Delivery delivery;

    @BeforeEach
    void submittedCandidate() {
        delivery = deliveries.of(applicant, null);
        SmsProviderStub.reset();
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
        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.outId()).isEqualTo(delivery.outboxId());
            assertThat(sent.phone()).isEqualTo("13800138000");
            assertThat(sent.templateCode()).isEqualTo("SMS_SUBMITTED");
        });
        assertThat(SmsProviderStub.sendSmsParameters())
                .singleElement()
                .satisfies(sent -> assertThat(sent).containsEntry("SignName", "医师资格考试"));
        assertThat(attempts()).containsExactly("1:ACCEPTED");
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
        SmsProviderStub.downForTheFirst(1);

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        assertThat(outbox()).containsExactly("SUBMITTED:PENDING");
        Job retry = delivery.job();
        assertThat(retry.getRetries()).isEqualTo(5); // retried after 1, 5, 15, 60, 240 minutes
        assertThat(retry.getDuedate())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plusSeconds(60));

        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sendSmsRequests(delivery.outboxId())).isEqualTo(2);
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        // the provider said no to the first attempt: nothing to ask it before the second
        assertThat(SmsProviderStub.querySendDetailsRequests()).isZero();
        assertThat(attempts()).containsExactly("1:REFUSED", "2:ACCEPTED");
        assertThat(delivery.job()).isNull();
    }

    /** Issue 16: the provider accepted, its answer came after the read timeout; before, the retry sent it again. */
    @Test
    void aLateAcceptIsNotSentAgain() {
        SmsProviderStub.slowAccept(Duration.ofSeconds(6)); // the read timeout is 4 s

        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("timed out");
        assertThat(attempts()).containsExactly("1:UNKNOWN");
        SmsProviderStub.accepts();
        delivery.attemptAtItsDueDate(); // a minute later

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        assertThat(SmsProviderStub.sendSmsRequests(delivery.outboxId())).isOne();
        assertThat(SmsProviderStub.querySendDetailsRequests()).isOne();
        assertThat(attempts()).containsExactly("1:FOUND");
        assertThat(delivery.job()).isNull();
        log.info(
                "late accept: {} SMS at the provider for one message (before issue 16: 2)",
                SmsProviderStub.sendSmsCount(delivery.outboxId()));
    }

    /**
     * Issue 16: the provider took the message and the node died before it heard so. The attempt the node recorded
     * before calling the provider is left without an outcome; the retry (on another node) asks the provider first.
     */
    @Test
    void aCrashAfterTheProviderAcceptedIsNotSentAgain() {
        Instant died = cases.now();
        attemptOfANodeThatDied(died);
        SmsProviderStub.acceptsThenCutsTheConnection();
        assertThatThrownBy(() -> gateway.send(queuedMessage())).isInstanceOf(SmsDeliveryException.class);
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        SmsProviderStub.accepts();

        ClockUtil.setCurrentTime(Date.from(died.plus(Duration.ofMinutes(1)))); // its lock has expired
        managementService.executeJob(delivery.job().getId());

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        assertThat(SmsProviderStub.sendSmsRequests(delivery.outboxId())).isOne();
        assertThat(attempts()).containsExactly("1:FOUND");
        log.info(
                "crash after accept: {} SMS at the provider for one message (before issue 16: 2)",
                SmsProviderStub.sendSmsCount(delivery.outboxId()));
    }

    @Test
    void anAttemptThatNeverReachedTheProviderIsSentAgain() {
        Instant died = cases.now();
        attemptOfANodeThatDied(died); // it died before its request went out

        ClockUtil.setCurrentTime(Date.from(died.plus(Duration.ofMinutes(1))));
        managementService.executeJob(delivery.job().getId());

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.querySendDetailsRequests()).isOne();
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        assertThat(attempts()).containsExactly("1:NOT_FOUND", "2:ACCEPTED");
    }

    @Test
    void whileTheProviderCannotSayWhetherItHasTheMessageItIsNotSentAgain() {
        SmsProviderStub.slowAccept(Duration.ofSeconds(6));
        assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("timed out");
        SmsProviderStub.queriesDown();

        assertThatThrownBy(delivery::attemptAtItsDueDate)
                .hasMessageContaining("not sent again")
                .hasMessageContaining("503");
        assertThat(SmsProviderStub.sendSmsRequests(delivery.outboxId())).isOne();
        assertThat(attempts()).containsExactly("1:UNKNOWN");

        SmsProviderStub.accepts();
        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
    }

    @Test
    void anAttemptThatMayStillBeUnderWayIsNeitherAskedAboutNorRepeated() {
        attemptOfANodeThatDied(cases.now().minusSeconds(5));

        assertThatThrownBy(() -> managementService.executeJob(delivery.job().getId()))
                .hasMessageContaining("no known outcome yet");

        assertThat(SmsProviderStub.querySendDetailsRequests()).isZero();
        assertThat(SmsProviderStub.sendSmsRequests()).isZero();
        assertThat(outbox()).containsExactly("SUBMITTED:PENDING");
    }

    @Test
    void anAcceptWhoseStepDidNotCommitIsMarkedSentWithoutAsking() {
        int attempt = attempts.start(delivery.outboxId(), "node-b", cases.now());
        attempts.end(delivery.outboxId(), attempt, "ACCEPTED", "biz-7", null, cases.now());

        managementService.executeJob(delivery.job().getId());

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.querySendDetailsRequests()).isZero();
        assertThat(SmsProviderStub.sendSmsRequests()).isZero();
    }

    @Test
    void whenRetriesRunOutAnIncidentShowsInCockpitAndItsRetryDelivers() {
        SmsProviderStub.throttles();

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

        SmsProviderStub.reset();
        managementService.setJobRetries(delivery.job().getId(), 1); // what Cockpit's "retry" does
        delivery.attemptAtItsDueDate();

        assertThat(outbox()).containsExactly("SUBMITTED:SENT");
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isZero();
    }

    @Test
    void logsNeverShowThePhoneNumber(CapturedOutput output) {
        delivery.attemptAtItsDueDate();

        assertThat(output.getAll()).contains("138****8000").doesNotContain("13800138000");
    }

    /** What a node that died during its attempt left behind: the attempt, started, without an outcome. */
    private void attemptOfANodeThatDied(Instant startedAt) {
        attempts.start(delivery.outboxId(), "node-that-died", startedAt);
    }

    private SmsMessage queuedMessage() {
        return outboxMessages.find(delivery.outboxId()).orElseThrow().message();
    }

    /** "number:outcome" of every attempt of this test's message. */
    private List<String> attempts() {
        return attempts.of(delivery.outboxId()).stream()
                .map(attempt -> attempt.number() + ":" + attempt.outcome())
                .toList();
    }

    private List<String> outbox() {
        return jdbc.sql("SELECT kind, status FROM sms_outbox WHERE candidate_no = ? ORDER BY seq")
                .param(applicant.candidateNo)
                .query((rs, row) -> rs.getString("kind") + ":" + rs.getString("status"))
                .list();
    }
}

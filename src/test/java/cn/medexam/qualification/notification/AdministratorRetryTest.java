package cn.medexam.qualification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.SmsProviderStub;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An administrator's retry of an SMS whose retries ran out, sent over HTTP the way Cockpit's incident retry sends it,
 * runs at the next acquisition instead of at the due date the failed job kept.
 */
@Tag("engine")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "qr.sms.gateway=aliyun",
            "qr.sms.aliyun.access-key-id=LTAI-test",
            "qr.sms.aliyun.access-key-secret=test-secret",
            "qr.sms.aliyun.sign-name=医师资格考试",
            "qr.sms.aliyun.read-timeout=PT10S",
            "qr.sms.aliyun.template-codes.SUBMITTED=SMS_SUBMITTED"
        })
class AdministratorRetryTest {

    private static final DateTimeFormatter CAMUNDA_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        SmsProviderStub.endpoint(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    CaseDriver cases;

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

    @BeforeEach
    void aSubmittedMessageWhoseRetriesRanOutWhileTheProviderWasDown() {
        delivery = deliveries.of(applicant, "SUBMITTED");
        users.ensureExist();
        SmsProviderStub.reset();
        SmsProviderStub.down();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThatThrownBy(delivery::attemptAtItsDueDate).hasMessageContaining("503");
        }
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isOne();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void cockpitsIncidentRetryMakesTheSmsDueNowAndOneExecutionSendsIt() {
        assertThat(delivery.job().getDuedate().toInstant()).isAfter(now().plus(Duration.ofHours(1)));
        SmsProviderStub.reset();
        WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        var retried =
                admin.send("PUT", WEBAPP_ENGINE + "/job/" + delivery.job().getId() + "/retries", "{\"retries\":1}");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        Job job = delivery.job();
        assertThat(job.getRetries()).isEqualTo(1);
        assertThat(job.getDuedate().toInstant()).isBeforeOrEqualTo(now());
        assertThat(managementService
                        .createJobQuery()
                        .jobId(job.getId())
                        .executable()
                        .count())
                .isOne();
        assertThat(runtimeService
                        .createIncidentQuery()
                        .processInstanceId(delivery.instance())
                        .count())
                .isZero();

        managementService.executeJob(job.getId()); // the clock has not moved: as the next acquisition would

        assertThat(delivery.status()).isEqualTo("SENT");
        assertThat(SmsProviderStub.sendSmsRequests()).isOne();
        assertThat(SmsProviderStub.sendSmsCount(delivery.outboxId())).isOne();
        assertThat(delivery.job()).isNull();
    }

    @Test
    void aDueDateTheAdministratorGivesIsKept() {
        Instant tomorrow = now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        WebClient admin = new WebClient(port).logIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        var retried = admin.send(
                "PUT",
                WEBAPP_ENGINE + "/job/" + delivery.job().getId() + "/retries",
                "{\"retries\":1,\"dueDate\":\"" + CAMUNDA_DATE.format(tomorrow) + "\"}");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        assertThat(delivery.job().getDuedate().toInstant()).isEqualTo(tomorrow);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

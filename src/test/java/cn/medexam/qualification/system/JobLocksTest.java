package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.SmsDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, item 4: the lock time per kind of job. Two nodes are two job executors on one database, acquiring as
 * the engine's job acquisition does; node B takes the due work and dies without running it. Node A takes a case's
 * jobs (an SMS delivery, a timer) over once their one-minute lock has run out, not before, and the engine's
 * housekeeping (history cleanup) after its five minutes. The engine clock moves; nothing sleeps.
 */
@EngineTest
class JobLocksTest {

    private static final String NODE_A = "test-node-a";
    private static final String NODE_B = "test-node-b";
    /** Shandong 2026's review opens on this day: the timer of a submitted case comes due. */
    private static final OffsetDateTime REVIEW_OPENS = OffsetDateTime.parse("2026-02-27T00:00:00+08:00");

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    CaseDriver cases;

    @Autowired
    SmsDeliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NodeName nodeName;

    @Value("${camunda.bpm.job-execution.lock-time-in-millis}")
    int caseWorkLockMillis;

    @Value("${qr.job-locks.housekeeping}")
    Duration housekeepingLock;

    @AfterEach
    void realTimeAndNoTestLocksLeft() {
        ClockUtil.reset();
        jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ IN (?, ?)")
                .params(NODE_A, NODE_B)
                .update();
    }

    @Test
    void theLockTimesAreOnPurpose() {
        assertThat(Duration.ofMillis(caseWorkLockMillis)).isEqualTo(Duration.ofMinutes(1));
        assertThat(housekeepingLock).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theEnginesJobExecutorLocksPerKindAndNamesTheNode() {
        JobExecutor executor = configuration.getJobExecutor();

        assertThat(executor.getAcquireJobsCmd(1)).isInstanceOf(JobLocks.AcquireWithLockPerKind.class);
        assertThat(executor.getLockOwner()).isEqualTo(nodeName.value());
        assertThat(configuration.getHostname()).isEqualTo(nodeName.value());
    }

    @Test
    void aSecondNodeTakesOverTheJobsOfANodeThatDiedOnceTheirLockRunsOut() {
        Applicant applicant = Applicant.shandongBachelor();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        ProcessInstance instance = cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);
        cases.clockAt(REVIEW_OPENS);
        Instant t0 = cases.now();
        String sms = deliveries.of(applicant, "SUBMITTED").job().getId();
        String timer =
                cases.timer(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING).getId();
        String cleanup = historyService.cleanUpHistoryAsync(true).getId();
        JobExecutor nodeA = node(NODE_A);
        JobExecutor nodeB = node(NODE_B);

        assertThat(acquire(nodeB)).contains(sms, timer, cleanup);
        assertThat(lock(sms)).isEqualTo(NODE_B + " until " + t0.plus(Duration.ofMinutes(1)));
        assertThat(lock(timer)).isEqualTo(NODE_B + " until " + t0.plus(Duration.ofMinutes(1)));
        assertThat(lock(cleanup)).isEqualTo(NODE_B + " until " + t0.plus(Duration.ofMinutes(5)));
        // node B is killed: it runs none of them

        at(t0.plus(Duration.ofSeconds(59)));
        assertThat(acquire(nodeA)).doesNotContain(sms, timer, cleanup);

        at(t0.plus(Duration.ofSeconds(61)));
        assertThat(acquire(nodeA)).contains(sms, timer).doesNotContain(cleanup);
        assertThat(lock(sms)).startsWith(NODE_A);
        assertThat(lock(timer)).startsWith(NODE_A);
        managementService.executeJob(sms);
        managementService.executeJob(timer);

        assertThat(deliveries.of(applicant, "SUBMITTED").status()).isEqualTo("SENT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM demo_sms WHERE id = ?")
                        .param(deliveries.of(applicant, "SUBMITTED").outboxId())
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(succeeded(timer)).isOne();
        assertThat(managementService.createJobQuery().jobId(timer).count()).isZero();

        at(t0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(acquire(nodeA)).contains(cleanup);
        assertThat(lock(cleanup)).startsWith(NODE_A);
    }

    /** A node's job executor as the application sets it up, not started: the test acquires in its place. */
    private JobExecutor node(String name) {
        JobExecutor executor = new DefaultJobExecutor();
        executor.setLockOwner(name);
        executor.setLockTimeInMillis(caseWorkLockMillis);
        JobLocks.install(executor, housekeepingLock);
        return executor;
    }

    /** One acquisition of the node: the ids of the jobs it locked. */
    private Collection<String> acquire(JobExecutor node) {
        return configuration
                .getCommandExecutorTxRequired()
                .execute(node.getAcquireJobsCmd(100_000))
                .getJobIdBatches()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    private String lock(String jobId) {
        return jdbc.sql("SELECT LOCK_OWNER_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?")
                .param(jobId)
                .query((rs, row) ->
                        rs.getString(1) + " until " + rs.getTimestamp(2).toInstant())
                .single();
    }

    private long succeeded(String jobId) {
        return historyService
                .createHistoricJobLogQuery()
                .jobId(jobId)
                .successLog()
                .count();
    }

    private static void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }
}

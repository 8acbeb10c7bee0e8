package cn.medexam.qualification.retention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.campaign.CampaignService;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's history of a case is due with its campaign's data (decision 0027): from the case's start, in every
 * history row, kept right when the final review day moves, and deleted by the engine's own cleanup job.
 */
@EngineTest
@AutoConfigureMockMvc
class CaseHistoryRemovalTest {

    private static final int ENOUGH_CLEANUP_RUNS = 50;

    @Autowired
    PastCampaigns pastCampaigns;

    @Autowired
    CaseDriver cases;

    @Autowired
    Candidates candidates;

    @Autowired
    TestUsers users;

    @Autowired
    CampaignService campaignService;

    @Autowired
    CaseHistoryRemovalTimes removalTimes;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reviewers() {
        users.ensureExist();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCleanupJobIsScheduledWhenTheEngineStarts() {
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void aRunningCasesHistoryIsDueWithItsCampaignsDataInEveryRow() {
        int year = pastCampaigns.fresh();
        Applicant applicant = registered(year);

        HistoricProcessInstance running = history(applicant);

        assertThat(running.getEndTime()).isNull();
        assertThat(running.getRemovalTime()).isEqualTo(Date.from(PastCampaigns.retentionEnds(year)));
        assertThat(activitiesOf(running))
                .isNotEmpty()
                .allSatisfy(activity -> assertThat(activity.getRemovalTime()).isEqualTo(running.getRemovalTime()));
    }

    @Test
    void anEndedCasesHistoryIsRemovedOnceItsCampaignsDataIsDue() {
        int year = pastCampaigns.fresh();
        Applicant applicant = registered(year);
        cases.cancel(applicant);
        HistoricProcessInstance ended = history(applicant);
        Instant removal = ended.getRemovalTime().toInstant();
        assertThat(removal).isEqualTo(PastCampaigns.retentionEnds(year));

        ClockUtil.setCurrentTime(Date.from(removal.minus(Duration.ofDays(1))));
        cleanUpHistoryOf(applicant, 1);
        assertThat(history(applicant))
                .as("history a day before its removal time")
                .isNotNull();

        ClockUtil.setCurrentTime(Date.from(removal.plus(Duration.ofDays(1))));
        cleanUpHistoryOf(applicant, ENOUGH_CLEANUP_RUNS);
        assertThat(history(applicant))
                .as("history a day after its removal time")
                .isNull();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(ended.getId())
                        .count())
                .isZero();
    }

    @Test
    void anSmsDeliveryKeepsItsHistoryThirtyDaysFromItsStart() throws Exception {
        Applicant applicant = registered(pastCampaigns.fresh());
        candidates.requestCode(applicant);

        HistoricProcessInstance delivery = historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(outboxIdOf(applicant))
                .singleResult();

        assertThat(Duration.between(
                        delivery.getStartTime().toInstant(),
                        delivery.getRemovalTime().toInstant()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void movingTheFinalReviewDayMovesTheHistoryOfTheCampaignsRunningAndEndedCases() {
        int year = pastCampaigns.fresh();
        Applicant waiting = registered(year);
        Applicant cancelled = registered(year);
        cases.cancel(cancelled);
        Applicant otherCampaign = registered(pastCampaigns.fresh());
        Date otherRemoval = history(otherCampaign).getRemovalTime();
        LocalDate later = LocalDate.of(year, 4, 30);

        var form = campaignService.formFor(Region.SHANDONG, year);
        form.finalReviewEnds = later;
        campaignService.save(Region.SHANDONG, year, form);
        assertThat(history(waiting).getRemovalTime())
                .as("before the batch has run")
                .isEqualTo(Date.from(PastCampaigns.retentionEnds(year)));
        cases.runBatches();

        for (Applicant applicant : List.of(waiting, cancelled)) {
            HistoricProcessInstance moved = history(applicant);
            assertThat(moved.getRemovalTime()).isEqualTo(Date.from(PastCampaigns.retentionEnds(later)));
            assertThat(activitiesOf(moved))
                    .allSatisfy(
                            activity -> assertThat(activity.getRemovalTime()).isEqualTo(moved.getRemovalTime()));
        }
        assertThat(history(otherCampaign).getRemovalTime()).isEqualTo(otherRemoval);
    }

    @Test
    void aRunningCaseStartedWithoutARemovalTimeGetsItsCampaignsAtTheNextStart() {
        int year = pastCampaigns.fresh();
        Applicant startedUnderStrategyEnd = registered(year);
        String instanceId = history(startedUnderStrategyEnd).getId();
        // what a case started while the strategy was "end" has: no removal time in any of its history rows
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST")) {
            jdbc.sql("UPDATE " + table + " SET REMOVAL_TIME_ = NULL WHERE PROC_INST_ID_ = ?")
                    .param(instanceId)
                    .update();
        }

        removalTimes.runningInstancesWithoutRemovalTime();
        cases.runBatches();

        HistoricProcessInstance mended = history(startedUnderStrategyEnd);
        assertThat(mended.getRemovalTime()).isEqualTo(Date.from(PastCampaigns.retentionEnds(year)));
        assertThat(activitiesOf(mended))
                .allSatisfy(activity -> assertThat(activity.getRemovalTime()).isEqualTo(mended.getRemovalTime()));
    }

    private Applicant registered(int year) {
        Applicant applicant = PastCampaigns.applicantOf(year);
        cases.clockAt(OffsetDateTime.parse(year + "-01-15T10:00:00+08:00"));
        cases.register(applicant);
        return applicant;
    }

    private HistoricProcessInstance history(Applicant applicant) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .singleResult();
    }

    private List<HistoricActivityInstance> activitiesOf(HistoricProcessInstance instance) {
        return historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .list();
    }

    private String outboxIdOf(Applicant applicant) {
        return jdbc.sql("SELECT id FROM sms_outbox WHERE candidate_no = ?")
                .param(applicant.candidateNo)
                .query(String.class)
                .single();
    }

    /**
     * Runs the cleanup job now, as the nightly window would. Each run deletes one batch per table, and other tests'
     * ended cases share the database: run again while the case's history is still there, a bounded number of times.
     */
    private void cleanUpHistoryOf(Applicant applicant, int maxRuns) {
        historyService.cleanUpHistoryAsync(true);
        for (int run = 0; run < maxRuns && history(applicant) != null; run++) {
            for (Job job : historyService.findHistoryCleanupJobs()) {
                managementService.executeJob(job.getId());
            }
        }
    }
}

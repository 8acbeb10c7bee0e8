package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history of an ended case is deleted 180 days after its end, by the engine's own cleanup job. */
@EngineTest
class HistoryCleanupTest {

    private static final int ENOUGH_CLEANUP_RUNS = 50;

    @Autowired
    CaseDriver cases;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCleanupJobIsScheduledWhenTheEngineStarts() {
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    }

    @Test
    void anEndedCasesHistoryIsRemovedOnceItsTimeToLiveHasPassed() {
        Applicant applicant = Applicant.shandongBachelor();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(applicant);
        cases.cancel(applicant);
        HistoricProcessInstance ended = history(applicant);
        Instant removal = ended.getRemovalTime().toInstant();
        assertThat(Duration.between(ended.getEndTime().toInstant(), removal)).isEqualTo(Duration.ofDays(180));

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

    private HistoricProcessInstance history(Applicant applicant) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .singleResult();
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

package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.JobStatistics;
import cn.medexam.qualification.system.ReviewProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the background move of a campaign's waiting timers (an engine batch of {@link MoveCampaignTimersJobHandler})
 * and keeps its progress in table {@code campaign_timer_move}.
 */
@Service
class TimerMoves {

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ReviewProperties properties;
    private final EngineClock clock;
    private final JobStatistics jobStatistics;

    TimerMoves(
            JdbcClient jdbc,
            RuntimeService runtimeService,
            ProcessEngineConfigurationImpl engineConfiguration,
            ReviewProperties properties,
            EngineClock clock,
            JobStatistics jobStatistics) {
        this.jobStatistics = jobStatistics;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.engineConfiguration = engineConfiguration;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * In the caller's transaction: the batch over the campaign's running cases and its progress row. Its jobs start
     * once the transaction has committed, so they read the campaign as saved.
     */
    TimerMove start(Region region, int examYear) {
        List<String> cases = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .variableValueEquals(CaseVariables.REGION, region.name())
                .variableValueEquals(CaseVariables.EXAM_YEAR, examYear)
                .list()
                .stream()
                .map(ProcessInstance::getId)
                .toList();
        Instant now = clock.now();
        String batchId = cases.isEmpty()
                ? null
                : engineConfiguration
                        .getCommandExecutorTxRequired()
                        .execute(new MoveCampaignTimersJobHandler.CreateBatch(cases, properties.processDefinitionKey()))
                        .getId();
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO campaign_timer_move (id, region, exam_year, batch_id, cases, started_at, finished_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        region.name(),
                        examYear,
                        batchId,
                        cases.size(),
                        Timestamp.from(now),
                        cases.isEmpty() ? Timestamp.from(now) : null)
                .update();
        return find(id).orElseThrow();
    }

    /**
     * Counts one batch job's cases, in its transaction; the job that does the last case ends the move. The one
     * progress row is shared by every job of the batch, so it is updated just before the commit, after the engine has
     * flushed the job's timer and task updates: the row stays locked for the commit only, not for the flush of 50
     * cases, and the jobs on other threads do not queue behind it.
     */
    void record(String batchId, int cases, int timers, int dueDates) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    count(batchId, cases, timers, dueDates);
                }
            });
        } else {
            count(batchId, cases, timers, dueDates);
        }
    }

    private void count(String batchId, int cases, int timers, int dueDates) {
        jdbc.sql("""
                        UPDATE campaign_timer_move
                           SET cases_done = cases_done + ?, moved_timers = moved_timers + ?,
                               moved_due_dates = moved_due_dates + ?,
                               finished_at = CASE WHEN cases_done + ? >= cases THEN ? ELSE finished_at END
                         WHERE batch_id = ?""")
                .params(cases, timers, dueDates, cases, Timestamp.from(clock.now()), batchId)
                .update();
        boolean finished = jdbc.sql("SELECT finished_at IS NOT NULL FROM campaign_timer_move WHERE batch_id = ?")
                .param(batchId)
                .query(Boolean.class)
                .single();
        if (finished && TransactionSynchronizationManager.isSynchronizationActive()) {
            // the move's last job: its cases' timers are due now or later, and the planner should know it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobStatistics.refreshAfterDueDatesMoved();
                }
            });
        }
    }

    Optional<TimerMove> latest(Region region, int examYear) {
        return jdbc.sql("""
                        SELECT * FROM campaign_timer_move WHERE region = ? AND exam_year = ?
                         ORDER BY seq DESC""").params(region.name(), examYear).query(TimerMoves::map).list().stream()
                .findFirst();
    }

    private Optional<TimerMove> find(String id) {
        return jdbc.sql("SELECT * FROM campaign_timer_move WHERE id = ?")
                .param(id)
                .query(TimerMoves::map)
                .optional();
    }

    private static TimerMove map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new TimerMove(
                rs.getString("id"),
                Region.valueOf(rs.getString("region")),
                rs.getInt("exam_year"),
                rs.getString("batch_id"),
                rs.getInt("cases"),
                rs.getInt("cases_done"),
                rs.getInt("moved_timers"),
                rs.getInt("moved_due_dates"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}

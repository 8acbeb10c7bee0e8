package cn.medexam.qualification.office;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.review.ReviewStage;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewProperties;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the progress rows of cases that began before this package kept them (decision 0010): a database upgraded
 * while a season is under way. At start, when the engine holds more cases than {@code case_progress}, each case
 * without a row gets the row {@link ProgressHistoryHandler} would have written — its wait state or outcome end event,
 * its variables, its open tasks and their claims — and its submissions and decisions as {@code progress_event}s,
 * all read from the engine's runtime and history. Existing rows are never touched; when two nodes start at once,
 * each row is written by one of them.
 */
@Component
class ProgressBackfill {

    private static final Logger log = LoggerFactory.getLogger(ProgressBackfill.class);
    private static final int PAGE = 500;
    private static final String[] VARIABLES = {
        CaseVariables.LOCKED_AT,
        CaseVariables.RETURN_COUNT,
        CaseVariables.RETURNED_AT,
        CaseVariables.SERIAL_NUMBER,
        CaseVariables.EXAM_SITE,
        CaseVariables.REGION,
        CaseVariables.EXAM_YEAR
    };

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Registrations registrations;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final String processKey;
    private final ZoneId zone;

    ProgressBackfill(
            HistoryService history,
            RuntimeService runtime,
            TaskService tasks,
            Registrations registrations,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ReviewProperties properties) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.registrations = registrations;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = new TransactionTemplate(transactions);
        this.processKey = properties.processDefinitionKey();
        this.zone = properties.timeZone();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void backfillAtStart() {
        long cases = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .count();
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM case_progress", Long.class);
        if (rows != null && rows >= cases) {
            return;
        }
        int rebuilt = backfill();
        log.info("Progress rows rebuilt from the engine for {} cases that had none", rebuilt);
    }

    /** @return how many cases got their progress row now */
    int backfill() {
        int rebuilt = 0;
        for (int first = 0; ; first += PAGE) {
            List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(processKey)
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(first, PAGE);
            if (page.isEmpty()) {
                return rebuilt;
            }
            Set<String> known = new HashSet<>(named.queryForList(
                    "SELECT process_instance_id FROM case_progress WHERE process_instance_id IN (:ids)",
                    Map.of(
                            "ids",
                            page.stream().map(HistoricProcessInstance::getId).toList()),
                    String.class));
            for (HistoricProcessInstance instance : page) {
                if (!known.contains(instance.getId())
                        && instance.getBusinessKey() != null
                        && isLatestOfItsCandidate(instance)
                        && rebuild(instance)) {
                    rebuilt++;
                }
            }
        }
    }

    /** A candidate registered again after a cancellation has one row: the latest case's. */
    private boolean isLatestOfItsCandidate(HistoricProcessInstance instance) {
        return history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .list()
                .stream()
                .max(Comparator.comparing(HistoricProcessInstance::getStartTime)
                        .thenComparing(HistoricProcessInstance::getId))
                .map(latest -> latest.getId().equals(instance.getId()))
                .orElse(false);
    }

    private boolean rebuild(HistoricProcessInstance instance) {
        String id = instance.getId();
        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceIdIn(id).variableNameIn(VARIABLES).list().stream()
                .filter(variable -> id.equals(variable.getActivityInstanceId()))
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        Optional<Registration> registration = registrations.find(instance.getBusinessKey());

        Row row = new Row();
        row.region = registration.map(r -> r.region().name()).orElse((String) variables.get(CaseVariables.REGION));
        row.examYear = registration.map(Registration::examYear).orElse(number(variables.get(CaseVariables.EXAM_YEAR)));
        row.examSite = Optional.ofNullable((String) variables.get(CaseVariables.EXAM_SITE))
                .orElse(registration.map(Registration::examSite).orElse(null));
        row.lockedAt = timestamp(variables.get(CaseVariables.LOCKED_AT));
        row.returnCount = Optional.ofNullable(number(variables.get(CaseVariables.RETURN_COUNT)))
                .orElse(0);
        row.returnedAt = timestamp(variables.get(CaseVariables.RETURNED_AT));
        row.serialNumber = (String) variables.get(CaseVariables.SERIAL_NUMBER);
        if (instance.getEndTime() == null) {
            waiting(id, row);
        } else {
            ended(id, row);
        }
        try {
            transaction.executeWithoutResult(status -> {
                insert(instance, row);
                events(instance, row);
            });
            return true;
        } catch (DuplicateKeyException writtenByAnotherNode) {
            return false;
        }
    }

    private void waiting(String id, Row row) {
        CaseStatusResolver.waitStateAmong(runtime.getActiveActivityIds(id)).ifPresent(wait -> {
            row.status =
                    CaseStatusResolver.ofWaitState(wait).map(CaseStatus::name).orElse(null);
            row.waitActivity = wait;
            row.waitSince =
                    history
                            .createHistoricActivityInstanceQuery()
                            .processInstanceId(id)
                            .activityId(wait)
                            .unfinished()
                            .list()
                            .stream()
                            .map(HistoricActivityInstance::getStartTime)
                            .max(Comparator.naturalOrder())
                            .map(ProgressBackfill::timestamp)
                            .orElse(null);
        });
        for (Task task : tasks.createTaskQuery().processInstanceId(id).list()) {
            if (ProgressHistoryHandler.UPLOAD_TASKS.contains(task.getTaskDefinitionKey())) {
                row.deadline = timestamp(task.getDueDate());
            } else if (ProgressHistoryHandler.REVIEW_TASKS.contains(task.getTaskDefinitionKey())) {
                row.reviewTaskId = task.getId();
                row.reviewStage = task.getTaskDefinitionKey();
                row.reviewSince = timestamp(task.getCreateTime());
                row.claimedBy = task.getAssignee();
                row.claimedAt = task.getAssignee() == null ? null : claimedAt(task);
            }
        }
    }

    private Timestamp claimedAt(Task task) {
        return history
                .createHistoricIdentityLinkLogQuery()
                .taskId(task.getId())
                .type(IdentityLinkType.ASSIGNEE)
                .operationType("add")
                .list()
                .stream()
                .map(HistoricIdentityLinkLog::getTime)
                .max(Comparator.naturalOrder())
                .map(ProgressBackfill::timestamp)
                .orElse(timestamp(task.getCreateTime()));
    }

    private void ended(String id, Row row) {
        history.createHistoricActivityInstanceQuery().processInstanceId(id).activityType("noneEndEvent").list().stream()
                .filter(end ->
                        CaseStatusResolver.ofEndEvent(end.getActivityId()).isPresent())
                .max(Comparator.comparing(HistoricActivityInstance::getStartTime))
                .ifPresent(end -> {
                    row.status = CaseStatusResolver.ofEndEvent(end.getActivityId())
                            .map(CaseStatus::name)
                            .orElseThrow();
                    row.endActivity = end.getActivityId();
                    row.endedAt = timestamp(end.getStartTime());
                });
    }

    private void insert(HistoricProcessInstance instance, Row row) {
        jdbc.update(
                """
                INSERT INTO case_progress (candidate_no, process_instance_id, region, exam_year, exam_site, status,
                                           wait_activity, wait_since, end_activity, ended_at, locked_at, return_count,
                                           returned_at, serial_number, deadline, review_task_id, review_stage,
                                           review_since, claimed_by, claimed_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                instance.getBusinessKey(),
                instance.getId(),
                row.region,
                row.examYear,
                row.examSite,
                row.status,
                row.waitActivity,
                row.waitSince,
                row.endActivity,
                row.endedAt,
                row.lockedAt,
                row.returnCount,
                row.returnedAt,
                row.serialNumber,
                row.deadline,
                row.reviewTaskId,
                row.reviewStage,
                row.reviewSince,
                row.claimedBy,
                row.claimedAt,
                new Timestamp(System.currentTimeMillis()));
    }

    /**
     * Submissions are the updates of {@code lockedAt}, each at its lock time (RESUBMITTED once the case has been
     * returned); decisions are the completed review tasks, with the outcome and reviewer their completion set.
     */
    private void events(HistoricProcessInstance instance, Row row) {
        List<HistoricVariableUpdate> updates = history
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .orderByTime()
                .asc()
                .list()
                .stream()
                .map(HistoricVariableUpdate.class::cast)
                .toList();
        int returns = 0;
        for (HistoricVariableUpdate update : updates) {
            if (CaseVariables.RETURN_COUNT.equals(update.getVariableName())) {
                returns = Optional.ofNullable(number(update.getValue())).orElse(0);
            } else if (CaseVariables.LOCKED_AT.equals(update.getVariableName()) && update.getValue() != null) {
                String kind = returns > 0 ? "RESUBMITTED" : "SUBMITTED";
                event(instance, row, kind, null, null, null, timestamp(update.getValue()));
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .finished()
                .list()) {
            Optional<ReviewStage> stage = Arrays.stream(ReviewStage.values())
                    .filter(s -> s.taskKey().equals(task.getTaskDefinitionKey()))
                    .findFirst();
            if (stage.isEmpty() || !"completed".equals(task.getDeleteReason())) {
                continue;
            }
            Date decidedAt = task.getEndTime();
            String outcome = valueSetBy(task, updates, stage.get().outcomeVariable());
            String actor = Optional.ofNullable(valueSetBy(task, updates, CaseVariables.DECIDED_BY))
                    .orElse(task.getAssignee());
            event(instance, row, "DECIDED", task.getTaskDefinitionKey(), outcome, actor, timestamp(decidedAt));
        }
    }

    /** The value the completion of a task gave a variable: the update made in the task's activity instance. */
    private static String valueSetBy(HistoricTaskInstance task, List<HistoricVariableUpdate> updates, String name) {
        String value = null;
        for (HistoricVariableUpdate update : updates) {
            if (name.equals(update.getVariableName())
                    && task.getActivityInstanceId().equals(update.getActivityInstanceId())) {
                value = (String) update.getValue();
            }
        }
        return value;
    }

    private void event(
            HistoricProcessInstance instance,
            Row row,
            String kind,
            String stage,
            String outcome,
            String actor,
            Timestamp at) {
        jdbc.update(
                """
                INSERT INTO progress_event (candidate_no, region, exam_year, exam_site, kind, stage, outcome, actor,
                                            happened_at, happened_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                instance.getBusinessKey(),
                row.region,
                row.examYear,
                row.examSite,
                kind,
                stage,
                outcome,
                actor,
                at,
                java.sql.Date.valueOf(at.toInstant().atZone(zone).toLocalDate()));
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static Timestamp timestamp(Object value) {
        return value instanceof Date date ? new Timestamp(date.getTime()) : null;
    }

    /** The columns of one case's progress row, as the history handler would have left them. */
    private static final class Row {
        String region;
        Integer examYear;
        String examSite;
        String status;
        String waitActivity;
        Timestamp waitSince;
        String endActivity;
        Timestamp endedAt;
        Timestamp lockedAt;
        int returnCount;
        Timestamp returnedAt;
        String serialNumber;
        Timestamp deadline;
        String reviewTaskId;
        String reviewStage;
        Timestamp reviewSince;
        String claimedBy;
        Timestamp claimedAt;
    }
}

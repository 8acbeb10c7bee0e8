package cn.medexam.qualification.office;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewProperties;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_progress} and {@code progress_event} from the engine's history events. The engine calls it
 * inside the command that changes the case, on the same connection and in the same transaction (the application's
 * Spring transaction the engine joins), so a row never shows a state that did not commit. The status mapping is
 * {@link CaseStatusResolver}'s own: a wait state's status when the case enters it, the outcome end event's status
 * when it ends.
 */
@Component
class ProgressHistoryHandler implements HistoryEventHandler {

    static final Set<String> REVIEW_TASKS = Set.of(
            CaseActivities.SITE_REVIEW,
            CaseActivities.OFFLINE_REVIEW,
            CaseActivities.ON_SITE_REVIEW,
            CaseActivities.REGION_REVIEW);
    static final Set<String> UPLOAD_TASKS = Set.of(CaseActivities.UPLOAD_MATERIALS, CaseActivities.RESUBMIT_MATERIALS);
    private static final Set<String> OUTCOME_VARIABLES = Set.of(
            CaseVariables.SITE_OUTCOME,
            CaseVariables.OFFLINE_OUTCOME,
            CaseVariables.ON_SITE_OUTCOME,
            CaseVariables.FINAL_OUTCOME);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Registrations> registrations;
    private final String processKey;
    private final ZoneId zone;

    ProgressHistoryHandler(
            JdbcTemplate jdbc, ObjectProvider<Registrations> registrations, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.processKey = properties.processDefinitionKey();
        this.zone = properties.timeZone();
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event.getProcessDefinitionKey() != null && !processKey.equals(event.getProcessDefinitionKey())) {
            return;
        }
        if (event.getProcessInstanceId() == null) {
            return;
        }
        if (event instanceof HistoricProcessInstanceEventEntity instance) {
            if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
                started(instance);
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
            activity(activity);
        } else if (event instanceof HistoricTaskInstanceEventEntity task) {
            task(task);
        } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
            variable(variable);
        }
    }

    private void started(HistoricProcessInstanceEventEntity instance) {
        String candidateNo = instance.getBusinessKey();
        if (candidateNo == null) {
            return;
        }
        Optional<Registration> registration = registrations.getObject().find(candidateNo);
        String region = registration.map(r -> r.region().name()).orElse(null);
        Integer year = registration.map(Registration::examYear).orElse(null);
        String site = registration.map(Registration::examSite).orElse(null);
        Timestamp now = now();
        int updated = jdbc.update("""
                UPDATE case_progress SET process_instance_id = ?, region = COALESCE(?, region),
                       exam_year = COALESCE(?, exam_year), exam_site = COALESCE(?, exam_site), updated_at = ?
                 WHERE candidate_no = ?""", instance.getProcessInstanceId(), region, year, site, now, candidateNo);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO case_progress (candidate_no, process_instance_id, region, exam_year, exam_site,
                                               updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", candidateNo, instance.getProcessInstanceId(), region, year, site, now);
        }
    }

    private void activity(HistoricActivityInstanceEventEntity activity) {
        String id = activity.getActivityId();
        String type = activity.getEventType();
        if (HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(type)) {
            Optional<CaseStatus> waiting = CaseStatusResolver.ofWaitState(id);
            if (waiting.isPresent()) {
                update(
                        activity,
                        "status = ?, wait_activity = ?, wait_since = ?, end_activity = NULL, ended_at = NULL",
                        waiting.get().name(),
                        id,
                        timestamp(activity.getStartTime()));
                return;
            }
            Optional<CaseStatus> ended = CaseStatusResolver.ofEndEvent(id);
            if (ended.isPresent()) {
                update(activity, """
                        status = ?, end_activity = ?, ended_at = ?, wait_activity = NULL, wait_since = NULL,
                        deadline = NULL, review_task_id = NULL, review_stage = NULL, review_since = NULL,
                        claimed_by = NULL, claimed_at = NULL""", ended.get().name(), id, timestamp(activity.getStartTime()));
            }
        } else if (HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(type)
                && CaseStatusResolver.ofWaitState(id).isPresent()) {
            // left the wait state: as the resolver, no status until the next wait state or end event (same step)
            jdbc.update("""
                    UPDATE case_progress SET status = NULL, wait_activity = NULL, wait_since = NULL, updated_at = ?
                     WHERE process_instance_id = ? AND wait_activity = ?""", now(), activity.getProcessInstanceId(), id);
        }
    }

    private void task(HistoricTaskInstanceEventEntity task) {
        String key = task.getTaskDefinitionKey();
        String type = task.getEventType();
        boolean created = HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(type);
        boolean changed = HistoryEventTypes.TASK_INSTANCE_UPDATE.getEventName().equals(type);
        boolean completed =
                HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type);
        boolean deleted = HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName().equals(type);
        if (UPLOAD_TASKS.contains(key)) {
            if (created || changed) {
                update(task, "deadline = ?", timestamp(task.getDueDate()));
            } else if (completed || deleted) {
                update(task, "deadline = NULL");
            }
        } else if (REVIEW_TASKS.contains(key)) {
            if (created) {
                update(
                        task,
                        """
                        review_task_id = ?, review_stage = ?, review_since = ?, claimed_by = ?, claimed_at = ?,
                        pending_outcome = NULL, pending_actor = NULL""",
                        task.getTaskId(),
                        key,
                        timestamp(task.getStartTime()),
                        task.getAssignee(),
                        task.getAssignee() == null ? null : now());
            } else if (changed) {
                claimed(task);
            } else if (completed) {
                decided(task);
            } else if (deleted) {
                clearReviewTask(task);
            }
        }
    }

    /** 认领 or 放回待审列表: the task's assignee changed. */
    private void claimed(HistoricTaskInstanceEventEntity task) {
        List<String> current = jdbc.query(
                "SELECT claimed_by FROM case_progress WHERE process_instance_id = ? AND review_task_id = ?",
                (rs, row) -> String.valueOf(rs.getString(1)),
                task.getProcessInstanceId(),
                task.getTaskId());
        String assignee = task.getAssignee();
        if (current.isEmpty() || current.get(0).equals(String.valueOf(assignee))) {
            return;
        }
        update(task, "claimed_by = ?, claimed_at = ?", assignee, assignee == null ? null : now());
    }

    /** Once per task: the engine reports a completion more than once; the open task's row is cleared after the first. */
    private void decided(HistoricTaskInstanceEventEntity task) {
        jdbc.update(
                """
                INSERT INTO progress_event (candidate_no, region, exam_year, exam_site, kind, stage, outcome, actor,
                                            happened_at, happened_on)
                SELECT candidate_no, region, exam_year, exam_site, 'DECIDED', ?, pending_outcome,
                       COALESCE(pending_actor, ?), ?, ?
                  FROM case_progress WHERE process_instance_id = ? AND review_task_id = ?""",
                task.getTaskDefinitionKey(),
                task.getAssignee(),
                now(),
                day(now()),
                task.getProcessInstanceId(),
                task.getTaskId());
        clearReviewTask(task);
    }

    private void clearReviewTask(HistoricTaskInstanceEventEntity task) {
        jdbc.update("""
                UPDATE case_progress SET review_task_id = NULL, review_stage = NULL, review_since = NULL,
                       claimed_by = NULL, claimed_at = NULL, pending_outcome = NULL, pending_actor = NULL,
                       updated_at = ?
                 WHERE process_instance_id = ? AND review_task_id = ?""", now(), task.getProcessInstanceId(), task.getTaskId());
    }

    private void variable(HistoricVariableUpdateEventEntity variable) {
        String type = variable.getEventType();
        if (!HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(type)
                && !HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName().equals(type)) {
            return;
        }
        String name = variable.getVariableName();
        switch (name) {
            case CaseVariables.LOCKED_AT -> {
                Timestamp at = longTimestamp(variable);
                update(variable, "locked_at = ?", at);
                jdbc.update(
                        """
                        INSERT INTO progress_event (candidate_no, region, exam_year, exam_site, kind, happened_at,
                                                    happened_on)
                        SELECT candidate_no, region, exam_year, exam_site,
                               CASE WHEN return_count > 0 THEN 'RESUBMITTED' ELSE 'SUBMITTED' END, ?, ?
                          FROM case_progress WHERE process_instance_id = ?""", at == null ? now() : at, day(at == null ? now() : at), variable.getProcessInstanceId());
            }
            case CaseVariables.RETURN_COUNT ->
                update(
                        variable,
                        "return_count = ?",
                        variable.getLongValue() == null
                                ? 0
                                : variable.getLongValue().intValue());
            case CaseVariables.RETURNED_AT -> update(variable, "returned_at = ?", longTimestamp(variable));
            case CaseVariables.SERIAL_NUMBER -> update(variable, "serial_number = ?", variable.getTextValue());
            case CaseVariables.EXAM_SITE -> update(variable, "exam_site = ?", variable.getTextValue());
            case CaseVariables.REGION -> update(variable, "region = COALESCE(region, ?)", variable.getTextValue());
            case CaseVariables.EXAM_YEAR ->
                update(
                        variable,
                        "exam_year = COALESCE(exam_year, ?)",
                        variable.getLongValue() == null
                                ? null
                                : variable.getLongValue().intValue());
            case CaseVariables.DECIDED_BY -> update(variable, "pending_actor = ?", variable.getTextValue());
            default -> {
                if (OUTCOME_VARIABLES.contains(name)) {
                    update(variable, "pending_outcome = ?", variable.getTextValue());
                }
            }
        }
    }

    private void update(HistoryEvent event, String assignments, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = now();
        args[values.length + 1] = event.getProcessInstanceId();
        jdbc.update("UPDATE case_progress SET " + assignments + ", updated_at = ? WHERE process_instance_id = ?", args);
    }

    private static Timestamp longTimestamp(HistoricVariableUpdateEventEntity variable) {
        return variable.getLongValue() == null ? null : new Timestamp(variable.getLongValue());
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    /** The calendar day of a moment in qr.time-zone. */
    private java.sql.Date day(Timestamp at) {
        return java.sql.Date.valueOf(at.toInstant().atZone(zone).toLocalDate());
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }
}

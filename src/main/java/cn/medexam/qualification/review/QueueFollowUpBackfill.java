package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the site's open review tasks made before decision 0029 the follow-up date the diagram now gives them: the
 * case's lock time for the online and on-site reviews, the task's creation for the paper review. The site's list is
 * ordered by it; without it a database upgraded while a season is under way would list those tasks after every new
 * one. Tasks that have a follow-up date are never touched, so a second start changes nothing.
 */
@Component
class QueueFollowUpBackfill {

    private static final Logger log = LoggerFactory.getLogger(QueueFollowUpBackfill.class);
    private static final int PAGE = 500;
    /** Before any follow-up date the diagram gives: the engine's query has no "follow-up date is null" of its own. */
    private static final Date NO_FOLLOW_UP = new Date(0);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ReviewProperties properties;

    QueueFollowUpBackfill(TaskService taskService, RuntimeService runtimeService, ReviewProperties properties) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void followUpDatesOfOpenReviews() {
        int given = 0;
        List<Task> page;
        while (!(page = withoutFollowUp()).isEmpty()) {
            Map<String, Date> lockedAt = lockTimes(page);
            for (Task task : page) {
                Date waitingSince = ReviewStage.OFFLINE.taskKey().equals(task.getTaskDefinitionKey())
                        ? task.getCreateTime()
                        : lockedAt.getOrDefault(task.getProcessInstanceId(), task.getCreateTime());
                task.setFollowUpDate(waitingSince);
                try {
                    taskService.saveTask(task);
                    given++;
                } catch (OptimisticLockingException changedMeanwhile) {
                    // decided, claimed or given its date by another node since it was read: the next page reads it
                    // again
                }
            }
        }
        if (given > 0) {
            log.info("gave {} open review tasks their follow-up date (decision 0029)", given);
        }
    }

    private List<Task> withoutFollowUp() {
        return taskService
                .createTaskQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .taskDefinitionKeyIn(ReviewStage.siteQueue())
                .followUpBeforeOrNotExistent(NO_FOLLOW_UP)
                .orderByTaskId()
                .asc()
                .listPage(0, PAGE);
    }

    private Map<String, Date> lockTimes(List<Task> tasks) {
        return runtimeService
                .createVariableInstanceQuery()
                .variableName(CaseVariables.LOCKED_AT)
                .processInstanceIdIn(tasks.stream()
                        .map(Task::getProcessInstanceId)
                        .distinct()
                        .toArray(String[]::new))
                .disableBinaryFetching()
                .list()
                .stream()
                .filter(variable -> variable.getValue() instanceof Date)
                .filter(variable -> variable.getExecutionId().equals(variable.getProcessInstanceId()))
                .collect(Collectors.toMap(
                        VariableInstance::getProcessInstanceId, variable -> (Date) variable.getValue(), (a, b) -> a));
    }
}

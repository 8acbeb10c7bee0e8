package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CandidatesGroupCreated;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import cn.medexam.qualification.system.ReviewerGroupCreated;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters people work from, made with their group: 本考点待初审 for an exam site's reviewers, oldest
 * submission (lock time) first, and 考区待终审 for a region's, earliest passed by its site first (the final-review
 * task's creation), with the candidate's number, name, masked ID, review round (第 2 次初审) and lock time as columns;
 * 我的审核材料 for candidates, who have one case. Each group may read its own filter only.
 */
@Component
class TasklistFilters {

    private static final List<Map<String, String>> CASE_COLUMNS = List.of(
            column(CaseVariables.CANDIDATE_NO, "考生编号"),
            column(CaseVariables.CANDIDATE_NAME, "姓名"),
            column(CaseVariables.ID_NUMBER_MASKED, "证件号码"),
            column(CaseVariables.REVIEW_ROUND, "审核轮次"),
            column(CaseVariables.LOCKED_AT, "提交锁定时间"));

    private static final String REGION_FILTER = "考区待终审（";
    private static final List<String> REGION_ORDER =
            List.of(TaskQueryProperty.CREATE_TIME.getName() + " " + Direction.ASCENDING.getName());

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentityProvisioning identity;
    private final ReviewProperties properties;

    TasklistFilters(
            FilterService filterService,
            TaskService taskService,
            IdentityProvisioning identity,
            ReviewProperties properties) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.identity = identity;
        this.properties = properties;
    }

    @EventListener
    void forReviewers(ReviewerGroupCreated group) {
        String name = group.site() ? "本考点待初审（" + group.key() + "）" : REGION_FILTER + group.key() + "）";
        save(
                group.groupId(),
                name,
                reviewersQuery(group.groupId(), group.site()),
                -10,
                group.site() ? "考点初审、线下审核与现场审核任务，最早提交的在前" : "考区终审任务，最早通过初审的在前",
                CASE_COLUMNS);
    }

    /**
     * Brings the region filters saved before decision 0026 to its order: they were sorted by the lock time, a process
     * variable, which made every list read the lock time of every open case.
     */
    @EventListener(ApplicationReadyEvent.class)
    void regionFiltersInTheirOrder() {
        for (Filter filter : filterService.createFilterQuery().list()) {
            if (filter.getName().startsWith(REGION_FILTER)
                    && filter.getQuery() instanceof TaskQueryImpl saved
                    && !REGION_ORDER.equals(orderOf(saved))) {
                try {
                    filterService.saveFilter(filter.setQuery(reviewersQuery(saved.getCandidateGroup(), false)));
                } catch (OptimisticLockingException anotherNodeStartingBroughtItFirst) {
                    // the filter is in its order either way
                }
            }
        }
    }

    private TaskQuery reviewersQuery(String groupId, boolean site) {
        TaskQuery query = taskService
                .createTaskQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .taskCandidateGroup(groupId)
                .includeAssignedTasks(); // a claimed task stays in the site's list
        // Tasklist applies a filter's own order first and the order chosen in its list header after it
        if (site) {
            return query.taskDefinitionKeyIn(
                            ReviewStage.SITE.taskKey(), ReviewStage.OFFLINE.taskKey(), ReviewStage.ON_SITE.taskKey())
                    .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                    .asc()
                    .orderByTaskCreateTime()
                    .asc();
        }
        // a final review is created when the site passes the case: its creation time is the order the filter promises,
        // and a column of the task, so the list reads one page of the queue instead of every case's lock time
        return query.taskDefinitionKeyIn(ReviewStage.REGION.taskKey())
                .orderByTaskCreateTime()
                .asc();
    }

    private static List<String> orderOf(TaskQueryImpl query) {
        return query.getOrderingProperties().stream()
                .map(ordering -> ordering.getQueryProperty().getName() + " "
                        + ordering.getDirection().getName())
                .toList();
    }

    @EventListener
    void forCandidates(CandidatesGroupCreated created) {
        TaskQuery query = taskService
                .createTaskQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .taskAssigneeExpression("${currentUser()}");
        // no columns: a candidate sees only their own case (and may not read its process variables in a list)
        save(ReviewGroups.CANDIDATES, "我的审核材料", query, -10, "上传、提交和补传审核材料", List.of());
    }

    private void save(
            String groupId,
            String name,
            TaskQuery query,
            int priority,
            String description,
            List<Map<String, String>> columns) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", columns);
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        identity.grantFilter(groupId, filter.getId());
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}

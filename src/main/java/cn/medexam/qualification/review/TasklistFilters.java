package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CandidatesGroupCreated;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.RegionTenants;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import cn.medexam.qualification.system.ReviewerGroupCreated;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters people work from, made with their group: 本考点待初审 for an exam site's reviewers, oldest
 * submission first (the review task's follow-up date, which the diagram sets to the lock time, decision 0029), and
 * 考区待终审 for a region's, earliest passed by its site first (the final-review task's creation, decision 0026), with
 * the candidate's number, name, masked ID, review round (第 2 次初审) and lock time as columns; 我的审核材料 for
 * candidates, who have one case. Each group may read its own filter only.
 */
@Component
class TasklistFilters {

    private static final List<Map<String, String>> CASE_COLUMNS = List.of(
            column(CaseVariables.CANDIDATE_NO, "考生编号"),
            column(CaseVariables.CANDIDATE_NAME, "姓名"),
            column(CaseVariables.ID_NUMBER_MASKED, "证件号码"),
            column(CaseVariables.REVIEW_ROUND, "审核轮次"),
            column(CaseVariables.LOCKED_AT, "提交锁定时间"));

    private static final String SITE_FILTER = "本考点待初审（";
    private static final String REGION_FILTER = "考区待终审（";
    private static final List<String> SITE_ORDER = List.of(
            TaskQueryProperty.FOLLOW_UP_DATE.getName() + " " + Direction.ASCENDING.getName(),
            TaskQueryProperty.CREATE_TIME.getName() + " " + Direction.ASCENDING.getName());
    private static final List<String> REGION_ORDER = List.of(
            TaskQueryProperty.DUE_DATE.getName() + " " + Direction.ASCENDING.getName(),
            TaskQueryProperty.CREATE_TIME.getName() + " " + Direction.ASCENDING.getName());

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
        String name = (group.site() ? SITE_FILTER : REGION_FILTER) + group.key() + "）";
        save(
                group.groupId(),
                name,
                group.site() ? siteQuery(group.groupId()) : regionQuery(ReviewGroups.regionOf(group.groupId())),
                -10,
                group.site() ? "考点初审、线下审核与现场审核任务，最早提交的在前" : "考区终审任务，最早通过初审的在前",
                CASE_COLUMNS);
    }

    /**
     * Brings the filters saved before decisions 0026 and 0029 to their criteria and order: both were sorted by the
     * lock time, a process variable, which made every list read the lock time of every open case, and the region's
     * asked the candidate group of every task. A database of an earlier season keeps its filters; only those that
     * differ are rebuilt, so a second start changes nothing. The region's filter asks its tenant only once every
     * running case is in one (until then it keeps its candidate group).
     */
    @EventListener(ApplicationReadyEvent.class)
    void filtersInTheirOrder() {
        for (Filter filter : filterService.createFilterQuery().list()) {
            if (!(filter.getQuery() instanceof TaskQueryImpl saved)) {
                continue;
            }
            TaskQuery expected = null;
            if (filter.getName().startsWith(SITE_FILTER) && !SITE_ORDER.equals(orderOf(saved))) {
                expected = siteQuery(saved.getCandidateGroup());
            } else if (filter.getName().startsWith(REGION_FILTER)) {
                String region = saved.getTenantIds() != null && saved.getTenantIds().length == 1
                        ? saved.getTenantIds()[0]
                        : ReviewGroups.regionOf(saved.getCandidateGroup());
                TaskQueryImpl inItsOrder = (TaskQueryImpl) regionQuery(region);
                if (!REGION_ORDER.equals(orderOf(saved))
                        || !Arrays.equals(saved.getTenantIds(), inItsOrder.getTenantIds())
                        || !Objects.equals(saved.getCandidateGroup(), inItsOrder.getCandidateGroup())) {
                    expected = inItsOrder;
                }
            }
            if (expected != null) {
                try {
                    filterService.saveFilter(filter.setQuery(expected));
                } catch (OptimisticLockingException anotherNodeStartingBroughtItFirst) {
                    // the filter is in its order either way
                }
            }
        }
    }

    // Tasklist applies a filter's own order first and the order chosen in its list header after it. Both orders are
    // columns of the task, so that a list reads one page of the queue in the order of an index (system.EngineIndexes)
    // instead of every case's lock time.

    private TaskQuery siteQuery(String groupId) {
        return taskService
                .createTaskQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .taskCandidateGroup(groupId)
                .includeAssignedTasks() // a claimed task stays in the site's list
                .taskDefinitionKeyIn(ReviewStage.siteQueue())
                .orderByFollowUpDate()
                .asc()
                .orderByTaskCreateTime()
                .asc();
    }

    /**
     * The region's final reviews: by its tenant once its group may read the definition's tasks there (the group is
     * given that grant here as soon as no case runs outside a tenant), by its candidate group before. A final review
     * is created when the site passes the case, so its creation is the order the filter promises; its due date, the
     * campaign's last day of final review, comes first: the same for every case of a season, it puts an earlier
     * season's stragglers on top, and no index but the region's queue (tenant, task key, due date, creation) has
     * that order, so the database reads the queue and not every task in the order of creation (decision 0029).
     */
    private TaskQuery regionQuery(String region) {
        TaskQuery query = taskService.createTaskQuery().processDefinitionKey(properties.processDefinitionKey());
        if (identity.grantRegionItsTenantsTasks(region)) {
            query.tenantIdIn(RegionTenants.of(region));
        } else {
            query.taskCandidateGroup(ReviewGroups.region(region)).includeAssignedTasks();
        }
        return query.taskDefinitionKeyIn(ReviewStage.REGION.taskKey())
                .orderByDueDate()
                .asc()
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

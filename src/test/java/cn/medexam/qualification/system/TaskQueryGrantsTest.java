package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineLogin;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.PostgreSqlOnly;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.ibatis.mapping.BoundSql;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task queries of logged-in users ask the grants with subqueries (decision 0021), their variable queries with
 * a correlated exists (decision 0024), and find exactly the tasks and variables the engine's own join finds, for
 * every kind of user.
 */
@EngineTest
class TaskQueryGrantsTest {

    @Autowired
    CaseDriver cases;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    Applicant waiting = Applicant.shandongBachelor();
    Applicant passed = Applicant.shandongBachelor();
    Applicant elsewhere = Applicant.shandongBachelor();
    Applicant uploading = Applicant.shandongBachelor();
    String site = "G" + waiting.candidateNo.substring(waiting.candidateNo.length() - 7);
    String otherSite = site + "X";
    String readsEveryTask = "all-tasks-" + site;
    String[] ourCases;

    @BeforeEach
    void casesAtEveryStepOfTwoSites() {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        waiting.examSite = site;
        passed.examSite = site;
        elsewhere.examSite = otherSite;
        uploading.examSite = site;
        cases.submittedAndReviewOpen(waiting);
        cases.submittedAndReviewOpen(passed);
        cases.siteReview(passed, Verdict.pass());
        cases.submittedAndReviewOpen(elsewhere);
        cases.register(uploading);
        ourCases = Stream.of(waiting, passed, elsewhere, uploading)
                .map(applicant -> cases.instance(applicant.candidateNo).getId())
                .toArray(String[]::new);
    }

    /** The site's open review, claimed by a reviewer; the other site's, linked to its group twice. */
    String claimed;

    @BeforeEach
    void oneReviewClaimedAndOneLinkedTwice() {
        claimed = openReview(waiting);
        taskService.claim(claimed, "reviewer-of-" + site);
        String linkedTwice = openReview(elsewhere);
        taskService.addCandidateGroup(linkedTwice, ReviewGroups.site(otherSite));
        taskService.addCandidateGroup(linkedTwice, ReviewGroups.region("SHANDONG"));
    }

    /**
     * A group that may read every task, by a grant on '*' (as an auditor's might be), and that an administrator has
     * made a member of the region's tenant, as every group that reads cases must be (decision 0029).
     */
    Authorization everyTask;

    @BeforeEach
    void aGroupMayReadEveryTask() {
        identityService.saveGroup(identityService.newGroup(readsEveryTask));
        identityService.createTenantGroupMembership("SHANDONG", readsEveryTask);
        everyTask = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        everyTask.setGroupId(readsEveryTask);
        everyTask.setResource(Resources.TASK);
        everyTask.setResourceId(Authorization.ANY);
        everyTask.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(everyTask);
    }

    @AfterEach
    void engineOwnSqlBackAndNobodyLoggedIn() {
        identityService.clearAuthentication();
        authorizationService.deleteAuthorization(everyTask.getId());
        identityService.deleteGroup(readsEveryTask);
        TaskQueryGrants.use(engine, true);
        ClockUtil.reset();
    }

    /**
     * Who looks, and how many of the four cases' tasks and cases' variables they may read (a candidate reads their
     * case through the application's API, not the engine's variables; the engine lets READ on every task read every
     * variable).
     */
    record User(String id, List<String> groups, int ownTasks, int ownCases) {}

    List<User> everyKindOfUser() {
        return List.of(
                new User("reviewer-of-" + site, List.of(ReviewGroups.site(site)), 1, 3),
                new User("reviewer-of-" + otherSite, List.of(ReviewGroups.site(otherSite)), 1, 1),
                // every task of the region's cases, by the definition's grant within the region's tenant (0029)
                new User("reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")), 4, 4),
                new User(uploading.candidateNo, List.of(ReviewGroups.CANDIDATES), 1, 0),
                new User("auditor-" + site, List.of(readsEveryTask), 4, 4),
                new User("nobody", List.of(), 0, 0));
    }

    @Test
    void everyUserFindsTheSameTasksAsWithTheEnginesJoin() {
        for (User user : everyKindOfUser()) {
            EngineLogin.as(identityService, user.id(), user.groups());
            List<String> withSubqueries = ourCasesTaskIds();
            List<String> pageWithSubqueries = ids(ourCasesTasks().listPage(1, 2));
            List<String> candidateGroupsWithSubqueries = ids(asTheFiltersAsk().list());
            List<String> regionQueueWithSubqueries = ids(asTheRegionsQueueAsks().list());
            List<String> siteQueueWithSubqueries = ids(asTheSitesQueueAsks().list());
            List<String> unassignedWithSubqueries = ids(unassignedOfTheGroups().list());
            long siteQueueCountWithSubqueries = asTheSitesQueueAsks().count();
            long regionQueueCountWithSubqueries = asTheRegionsQueueAsks().count();
            long unassignedCountWithSubqueries = unassignedOfTheGroups().count();
            long countWithSubqueries = ourCasesTasks().count();
            TaskQueryGrants.use(engine, false);
            List<String> withJoin = ourCasesTaskIds();
            List<String> pageWithJoin = ids(ourCasesTasks().listPage(1, 2));
            List<String> candidateGroupsWithJoin = ids(asTheFiltersAsk().list());
            List<String> regionQueueWithJoin = ids(asTheRegionsQueueAsks().list());
            List<String> siteQueueWithJoin = ids(asTheSitesQueueAsks().list());
            List<String> unassignedWithJoin = ids(unassignedOfTheGroups().list());
            long siteQueueCountWithJoin = asTheSitesQueueAsks().count();
            long regionQueueCountWithJoin = asTheRegionsQueueAsks().count();
            long unassignedCountWithJoin = unassignedOfTheGroups().count();
            long countWithJoin = ourCasesTasks().count();
            TaskQueryGrants.use(engine, true);

            assertThat(withSubqueries).as(user.id()).hasSize(user.ownTasks()).isEqualTo(withJoin);
            assertThat(pageWithSubqueries).as(user.id() + ", second page").isEqualTo(pageWithJoin);
            assertThat(candidateGroupsWithSubqueries)
                    .as(user.id() + ", as the filters ask")
                    .isEqualTo(candidateGroupsWithJoin);
            assertThat(regionQueueWithSubqueries)
                    .as(user.id() + ", as the region's queue asks")
                    .isEqualTo(regionQueueWithJoin);
            assertThat(siteQueueWithSubqueries)
                    .as(user.id() + ", as the site's queue asks")
                    .isEqualTo(siteQueueWithJoin)
                    .doesNotHaveDuplicates()
                    .hasSize((int) siteQueueCountWithJoin);
            assertThat(siteQueueCountWithSubqueries).as(user.id()).isEqualTo(siteQueueCountWithJoin);
            assertThat(regionQueueCountWithSubqueries)
                    .as(user.id() + ", the region's queue counted")
                    .isEqualTo(regionQueueCountWithJoin)
                    .isEqualTo(regionQueueWithJoin.size());
            assertThat(unassignedWithSubqueries)
                    .as(user.id() + ", unassigned tasks of the groups")
                    .isEqualTo(unassignedWithJoin)
                    .doesNotContain(claimed);
            assertThat(unassignedCountWithSubqueries).as(user.id()).isEqualTo(unassignedCountWithJoin);
            assertThat(countWithSubqueries)
                    .as(user.id())
                    .isEqualTo(countWithJoin)
                    .isEqualTo(user.ownTasks());
        }
    }

    @Test
    void everyUserReadsTheSameVariablesAsWithTheEnginesJoin() {
        for (User user : everyKindOfUser()) {
            EngineLogin.as(identityService, user.id(), user.groups());
            List<String> withExists = ourCasesVariableIds();
            long countWithExists = ourCasesVariables().count();
            TaskQueryGrants.use(engine, false);
            List<String> withJoin = ourCasesVariableIds();
            long countWithJoin = ourCasesVariables().count();
            TaskQueryGrants.use(engine, true);

            assertThat(withExists).as(user.id()).isEqualTo(withJoin);
            assertThat(countWithExists).as(user.id()).isEqualTo(countWithJoin).isEqualTo(withJoin.size());
            assertThat(ourCasesVariables().list().stream()
                            .map(VariableInstance::getProcessInstanceId)
                            .distinct())
                    .as(user.id() + " reads the variables of the cases they may read")
                    .hasSize(user.ownCases());
        }
    }

    @Test
    void aReviewersVariableQueryAsksTheCasesGrantsWithoutJoiningThem() {
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        VariableInstanceQueryImpl query = (VariableInstanceQueryImpl) ourCasesVariables();

        String sql = boundSql("selectVariableInstanceByQueryCriteria", query, context -> {
            try { // the engine's own configuration of the check, which it keeps protected
                Method configure = AuthorizationManager.class.getDeclaredMethod(
                        "configureVariableInstanceQuery", VariableInstanceQueryImpl.class);
                configure.setAccessible(true);
                configure.invoke(context.getAuthorizationManager(), query);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(sql)
                .contains("exists ( select A.RESOURCE_ID_")
                .contains("A.RESOURCE_ID_ in (RES.PROC_INST_ID_, GRANT_PI.ID_, GRANT_PD.KEY_, RES.TASK_ID_, '*')")
                .doesNotContain("AUTH ON")
                .doesNotContain("AUTH.RESOURCE_ID_");
    }

    @Test
    void aReviewersTaskCountAsksTheGrantsWithoutJoiningThemOrTheVariableOfTheListsOrder() {
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));
        TaskQueryImpl query = (TaskQueryImpl) taskService
                .createTaskQuery()
                .taskCandidateGroup(ReviewGroups.site(site))
                .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                .asc();

        String sql = taskSql("selectTaskCountByQueryCriteria", query);

        assertThat(sql)
                .contains("RES.ID_ in ( select A.RESOURCE_ID_")
                .contains("RES.PROC_DEF_ID_ in ( select GD.ID_")
                .doesNotContain("AUTH ON")
                .doesNotContain("AUTH.RESOURCE_ID_")
                .doesNotContain("ACT_RU_VARIABLE");
    }

    @Test
    void theRegionsQueueIsListedFromTheTaskTableItselfWithoutASemiJoinOrDistinct() {
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        TaskQueryImpl query = (TaskQueryImpl) asTheRegionsQueueAsks();

        String sql = taskSql("selectTaskByQueryCriteria", query);
        String count = taskSql("selectTaskCountByQueryCriteria", query);

        assertThat(count).contains("select count(*) from ACT_RU_TASK RES").doesNotContainIgnoringCase("distinct");
        assertThat(sql)
                .doesNotContain("where RES.ID_ in ( select RES.ID_")
                .doesNotContainIgnoringCase("select distinct")
                .contains("RES.PROC_DEF_ID_ in ( select GD.ID_")
                .doesNotContain("AUTH ON");
        assertThat(query.list())
                .isNotEmpty()
                .allSatisfy(task -> assertThat(task.getTenantId()).isEqualTo("SHANDONG"));
    }

    @Test
    void theSitesQueueIsListedFromTheTaskTableItselfWithItsGroupsLinksAsOneCondition() {
        EngineLogin.as(identityService, "reviewer-of-" + site, List.of(ReviewGroups.site(site)));
        TaskQueryImpl query = (TaskQueryImpl) asTheSitesQueueAsks();

        String list = taskSql("selectTaskByQueryCriteria", query);
        String count = taskSql("selectTaskCountByQueryCriteria", query);

        assertThat(List.of(list, count))
                .allSatisfy(sql -> assertThat(sql)
                        .contains(
                                "and RES.ID_ in ( select I.TASK_ID_ from ACT_RU_IDENTITYLINK I where I.GROUP_ID_ in ( ? , ? , ? )"
                                        + " and I.TYPE_ = 'candidate' )")
                        .doesNotContain("join ACT_RU_IDENTITYLINK")
                        .doesNotContain("where RES.ID_ in ( select RES.ID_")
                        .doesNotContain("AUTH ON"));
        assertThat(list).doesNotContainIgnoringCase("select distinct");
        assertThat(count).contains("select count(*) from ACT_RU_TASK RES").doesNotContainIgnoringCase("distinct");
        assertThat(ids(query.list())).containsExactly(claimed);
        assertThat(query.count()).isEqualTo(1);
    }

    @Test
    void aReviewersListSelectsItsPageFromTheTasksTheGrantsAdmitWithoutSortingEveryColumn() {
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));
        TaskQueryImpl query = (TaskQueryImpl) asTheFiltersAsk();

        String sql = taskSql("selectTaskByQueryCriteria", query);

        assertThat(sql)
                .contains("where RES.ID_ in ( select RES.ID_ from ACT_RU_TASK RES")
                .contains("A.GROUP_ID_ in ( ? ) and A.RESOURCE_TYPE_ in ( ? , ? ) and A.TYPE_ < 2")
                .contains("union all select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A where A.USER_ID_ in")
                .doesNotContainIgnoringCase("select distinct")
                .doesNotContain("AUTH ON");
    }

    /**
     * After a few executions on a connection pgjdbc prepares a statement on the server, where PostgreSQL settles on a
     * generic plan; the queue's statements are planned with their values every time (decision 0025), the engine's are
     * not.
     */
    @Test
    @ExtendWith(PostgreSqlOnly.class)
    void theQueuesStatementsAreNeverPreparedOnTheServer() {
        EngineLogin.as(identityService, "reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")));

        List<String> prepared = transaction.execute(status -> {
            for (int i = 0; i < 30; i++) {
                asTheFiltersAsk().listPage(0, 15);
                asTheFiltersAsk().count();
                runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(ourCases[0])
                        .list();
            }
            return jdbc.queryForList("select statement from pg_prepared_statements", String.class);
        });

        assertThat(prepared)
                .as("the engine's own statements are prepared on the server")
                .anyMatch(statement -> statement.contains("ACT_RU_EXECUTION"));
        assertThat(prepared)
                .as("the task list and count are not")
                .noneMatch(statement -> statement.contains("union all select A.RESOURCE_ID_"));
    }

    /** The SQL of a task statement, with the engine's check of the logged-in user configured as for a query. */
    private String taskSql(String statement, TaskQueryImpl query) {
        return boundSql(
                statement, query, context -> context.getAuthorizationManager().configureTaskQuery(query));
    }

    /** The SQL the engine sends for the statement, as the logged-in user, with whitespace collapsed. */
    private String boundSql(String statement, ListQueryParameterObject query, Consumer<CommandContext> configure) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            configure.accept(context);
            BoundSql bound = engine.getSqlSessionFactory()
                    .getConfiguration()
                    .getMappedStatement(engine.getDbSqlSessionFactory().mapStatement(statement))
                    .getBoundSql(query);
            return bound.getSql().replaceAll("\\s+", " ");
        });
    }

    private VariableInstanceQuery ourCasesVariables() {
        return runtimeService.createVariableInstanceQuery().processInstanceIdIn(ourCases);
    }

    private List<String> ourCasesVariableIds() {
        return ourCasesVariables().orderByVariableName().asc().list().stream()
                .map(VariableInstance::getId)
                .sorted()
                .toList();
    }

    /** Ordered as the reviewers' filters are, by a process variable, so that list and count both join it. */
    private TaskQuery ourCasesTasks() {
        return ourCases()
                .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                .asc()
                .orderByTaskId()
                .asc();
    }

    private List<String> ourCasesTaskIds() {
        return ids(ourCasesTasks().list());
    }

    /**
     * As the reviewers' filters ask: by candidate group, claimed tasks too, oldest lock first; then by id, because
     * rows that tie on the order's keys come in no particular order (the engine's {@code select distinct} happened to
     * sort them by its other columns, a top-N sort does not), and the test's frozen clock makes every key tie.
     */
    private TaskQuery asTheFiltersAsk() {
        return ourCasesOfTheGroups()
                .includeAssignedTasks()
                .orderByProcessVariable(CaseVariables.LOCKED_AT, ValueType.DATE)
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc();
    }

    /**
     * As 本考点待初审 asks (decision 0029), with more than one group to show that a task linked to two of them is
     * listed once: candidate groups, claimed tasks too, by follow-up date and creation; then by id.
     */
    private TaskQuery asTheSitesQueueAsks() {
        return inTheSitesQueueOrder(ourCasesOfTheGroups().includeAssignedTasks());
    }

    /** The engine's default for candidate groups: unassigned tasks only. */
    private TaskQuery unassignedOfTheGroups() {
        return inTheSitesQueueOrder(ourCasesOfTheGroups());
    }

    private static TaskQuery inTheSitesQueueOrder(TaskQuery query) {
        return query.orderByFollowUpDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc();
    }

    /** The tasks of the four cases. */
    private TaskQuery ourCases() {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKeyIn(
                        waiting.candidateNo, passed.candidateNo, elsewhere.candidateNo, uploading.candidateNo);
    }

    /** Their tasks for any of the two sites' and the region's groups. */
    private TaskQuery ourCasesOfTheGroups() {
        return ourCases()
                .taskCandidateGroupIn(List.of(
                        ReviewGroups.site(site), ReviewGroups.site(otherSite), ReviewGroups.region("SHANDONG")));
    }

    /** As 考区待终审 asks once its region is a tenant (decision 0029): tenant, task key, due date, creation; then id. */
    private TaskQuery asTheRegionsQueueAsks() {
        return ourCases()
                .tenantIdIn("SHANDONG")
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc();
    }

    private String openReview(Applicant applicant) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .singleResult()
                .getId();
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}

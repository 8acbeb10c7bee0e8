package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import java.util.List;
import org.apache.ibatis.mapping.BoundSql;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task queries of logged-in users ask the grants with subqueries (decision 0021) and find exactly the tasks
 * the engine's own join finds, for every kind of user.
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
    ProcessEngineConfigurationImpl engine;

    Applicant waiting = Applicant.shandongBachelor();
    Applicant passed = Applicant.shandongBachelor();
    Applicant elsewhere = Applicant.shandongBachelor();
    Applicant uploading = Applicant.shandongBachelor();
    String site = "G" + waiting.candidateNo.substring(waiting.candidateNo.length() - 7);
    String otherSite = site + "X";

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
    }

    @AfterEach
    void engineOwnSqlBackAndNobodyLoggedIn() {
        TaskQueryGrants.use(engine, true);
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void everyUserFindsTheSameTasksAsWithTheEnginesJoin() {
        record User(String id, List<String> groups, int ownTasks) {}
        List<User> users = List.of(
                new User("reviewer-of-" + site, List.of(ReviewGroups.site(site)), 1),
                new User("reviewer-of-" + otherSite, List.of(ReviewGroups.site(otherSite)), 1),
                new User("reviewer-of-shandong", List.of(ReviewGroups.region("SHANDONG")), 1),
                new User(uploading.candidateNo, List.of(ReviewGroups.CANDIDATES), 1),
                new User("nobody", List.of(), 0));

        for (User user : users) {
            identityService.setAuthentication(user.id(), user.groups());
            List<String> withSubqueries = ourCasesTaskIds();
            long countWithSubqueries = ourCasesTasks().count();
            TaskQueryGrants.use(engine, false);
            List<String> withJoin = ourCasesTaskIds();
            long countWithJoin = ourCasesTasks().count();
            TaskQueryGrants.use(engine, true);

            assertThat(withSubqueries).as(user.id()).hasSize(user.ownTasks()).isEqualTo(withJoin);
            assertThat(countWithSubqueries)
                    .as(user.id())
                    .isEqualTo(countWithJoin)
                    .isEqualTo(user.ownTasks());
        }
    }

    @Test
    void aReviewersTaskQueryAsksTheGrantsWithoutJoiningThem() {
        identityService.setAuthentication("reviewer-of-" + site, List.of(ReviewGroups.site(site)));
        TaskQueryImpl query = (TaskQueryImpl) taskService.createTaskQuery().taskCandidateGroup(ReviewGroups.site(site));

        String sql = engine.getCommandExecutorTxRequired().execute(context -> {
            context.getAuthorizationManager().configureTaskQuery(query);
            String statement = engine.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria");
            BoundSql bound = engine.getSqlSessionFactory()
                    .getConfiguration()
                    .getMappedStatement(statement)
                    .getBoundSql(query);
            return bound.getSql().replaceAll("\\s+", " ");
        });

        assertThat(sql)
                .contains("RES.ID_ in ( select A.RESOURCE_ID_")
                .contains("RES.PROC_DEF_ID_ in ( select GD.ID_")
                .doesNotContain("AUTH ON")
                .doesNotContain("AUTH.RESOURCE_ID_");
    }

    private TaskQuery ourCasesTasks() {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKeyIn(
                        waiting.candidateNo, passed.candidateNo, elsewhere.candidateNo, uploading.candidateNo);
    }

    private List<String> ourCasesTaskIds() {
        return ourCasesTasks().orderByTaskId().asc().list().stream()
                .map(Task::getId)
                .toList();
    }
}

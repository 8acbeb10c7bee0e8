package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The groups the engine checks before each authorization check (its {@code selectAuthorizedGroupIds}) are found by
 * the group index and are exactly the groups the engine's own statement finds.
 */
@EngineTest
class AuthorizedGroupIdsTest {

    private static final String ENGINE_STATEMENT =
            "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

    @Autowired
    CaseDriver cases;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TaskService taskService;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void theGroupsWithAnyAuthorizationAreTheSameAsTheEnginesStatementFinds() {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        Applicant candidate = Applicant.shandongBachelor();
        candidate.examSite = "G" + candidate.candidateNo.substring(candidate.candidateNo.length() - 7);
        cases.submittedAndReviewOpen(candidate);
        // an authorization with a user and none with a group: the engine's table holds null group ids too
        Authorization forOneUser = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        forOneUser.setUserId("auditor-" + candidate.candidateNo);
        forOneUser.setResource(Resources.TASK);
        Task review = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(candidate.candidateNo)
                .singleResult();
        forOneUser.setResourceId(review.getId());
        forOneUser.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(forOneUser);

        List<String> byIndex = select(AuthorizedGroupIds.BY_INDEX);
        List<String> engines =
                select(ENGINE_STATEMENT).stream().filter(Objects::nonNull).toList();

        assertThat(engine.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIds.STATEMENT))
                .isEqualTo(AuthorizedGroupIds.BY_INDEX);
        assertThat(byIndex)
                .containsExactlyInAnyOrderElementsOf(engines)
                .doesNotHaveDuplicates()
                .contains(ReviewGroups.site(candidate.examSite), ReviewGroups.region("SHANDONG"));
    }

    private List<String> select(String statement) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.getDbSqlSession().getSqlSession().selectList(statement));
    }
}

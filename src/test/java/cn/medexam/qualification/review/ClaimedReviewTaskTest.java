package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/** 放回待审列表: a reviewer gives back the review task they claimed; nobody gives back a colleague's. */
@EngineTest
@AutoConfigureMockMvc
class ClaimedReviewTaskTest {

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    TaskService taskService;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void caseWaitingForTheSiteReview() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.submittedAndReviewOpen(applicant);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aReviewerGivesBackTheTaskTheyClaimed() throws Exception {
        taskService.claim(siteReview().getId(), TestUsers.SITE_REVIEWER);

        release(TestUsers.SITE_REVIEWER, 204);

        assertThat(siteReview().getAssignee()).isNull();
    }

    @Test
    void aColleaguesClaimStaysTheirs() throws Exception {
        taskService.claim(siteReview().getId(), "colleague-of-3701");

        assertThat(release(TestUsers.SITE_REVIEWER, 409).path("code").asText()).isEqualTo("NOT_CLAIMED_BY_YOU");
        assertThat(siteReview().getAssignee()).isEqualTo("colleague-of-3701");
    }

    @Test
    void aReviewerOfAnotherSiteLearnsNothing() throws Exception {
        taskService.claim(siteReview().getId(), TestUsers.SITE_REVIEWER);

        release(TestUsers.OTHER_SITE_REVIEWER, 404);

        assertThat(siteReview().getAssignee()).isEqualTo(TestUsers.SITE_REVIEWER);
    }

    private Task siteReview() {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(applicant.candidateNo)
                .taskDefinitionKey(ReviewStage.SITE.taskKey())
                .singleResult();
    }

    private JsonNode release(String reviewer, int expectedStatus) throws Exception {
        return api.call(
                post("/api/review/cases/" + applicant.candidateNo + "/release"),
                reviewer,
                TestUsers.PASSWORD,
                expectedStatus);
    }
}

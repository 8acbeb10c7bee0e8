package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.medexam.qualification.campaign.Campaign.PaperApplicationForm;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestCampaigns;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/**
 * The site's two additions to its review, through the review API: sending a candidate to 现场审核 and recording the
 * signed paper 报名暨授予医师资格申请表, which a region may require for the final pass.
 */
@EngineTest
@AutoConfigureMockMvc
class OnSiteReviewAndPaperFormApiTest {

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    Candidates candidates;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void reviewersExist() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void siteReviewerSendsTheCandidateToTheSiteAndPassesThemThere() throws Exception {
        candidates.activated(applicant);
        cases.submittedAndReviewOpen(applicant);

        JsonNode sent =
                decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "ON_SITE", "reason", "身份证信息异常，与报名信息不一致"), 200);

        assertThat(sent.path("status").asText()).isEqualTo("ON_SITE_REVIEW");
        assertThat(sent.path("openReview").asText()).isEqualTo("ON_SITE");
        JsonNode myCase = api.call(get("/api/me/case"), applicant.candidateNo, Candidates.PASSWORD, 200);
        assertThat(myCase.path("status").asText()).isEqualTo("ON_SITE_REVIEW");
        assertThat(myCase.path("deadlines").path("onSiteReview").asText()).isEqualTo("2026-03-06");
        assertThat(decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "PASS"), 200)
                        .path("status")
                        .asText())
                .isEqualTo("SITE_PASSED");
    }

    @Test
    void onSiteReviewNeedsAReasonTheCandidateCanAct() throws Exception {
        cases.submittedAndReviewOpen(applicant);

        JsonNode refused = decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "ON_SITE"), 400);

        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("现场审核须填写原因");
        assertThat(view(TestUsers.SITE_REVIEWER).path("openReview").asText()).isEqualTo("SITE");
    }

    @Test
    void aReasonLongerThanItsColumnIsRefusedNamingTheFieldNotAServerError() throws Exception {
        cases.submittedAndReviewOpen(applicant);
        String tooLong = "长".repeat(501);

        JsonNode onSite = decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "ON_SITE", "reason", tooLong), 400);
        assertThat(onSite.path("errors").get(0).path("field").asText()).isEqualTo("reason");
        JsonNode returned = api.call(
                post(path() + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of("outcome", "RETURN", "returns", Map.of("DIPLOMA", tooLong)))),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                400);
        assertThat(returned.path("errors").get(0).path("field").asText()).isEqualTo("returns.DIPLOMA");
        assertThat(returned.path("errors").get(0).path("message").asText()).contains("500");

        decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "ON_SITE", "reason", "长".repeat(500)), 200);
    }

    @Test
    void regionThatRequiresThePaperFormPassesFinallyOnlyOnceTheSiteRecordedIt() throws Exception {
        applicant.examYear = campaigns.create(
                Region.SHANDONG, form -> form.paperApplicationForm = PaperApplicationForm.REQUIRED_FOR_FINAL_PASS);
        cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());

        JsonNode refused = decide(TestUsers.REGION_REVIEWER, Map.of("outcome", "PASS"), 422);
        assertThat(refused.path("code").asText()).isEqualTo("PAPER_FORM_MISSING");

        assertThat(recordPaperForm(TestUsers.REGION_REVIEWER, "2026-02-20", 403)
                        .path("code")
                        .asText())
                .isEqualTo("SITE_REVIEWERS_ONLY");
        recordPaperForm(TestUsers.OTHER_SITE_REVIEWER, "2026-02-20", 404);
        assertThat(recordPaperForm(TestUsers.SITE_REVIEWER, "2026-03-20", 400)
                        .path("message")
                        .asText())
                .contains("不能晚于今天");

        JsonNode recorded = recordPaperForm(TestUsers.SITE_REVIEWER, "2026-01-14", 200);
        assertThat(recorded.path("paperForm").path("requirement").asText()).isEqualTo("REQUIRED_FOR_FINAL_PASS");
        assertThat(recorded.path("paperForm").path("receivedOn").asText()).isEqualTo("2026-01-14");
        assertThat(recorded.path("paperForm").path("recordedBy").asText()).isEqualTo(TestUsers.SITE_REVIEWER);
        assertThat(view(TestUsers.REGION_REVIEWER)
                        .path("paperForm")
                        .path("receivedOn")
                        .asText())
                .as("the final review shows it")
                .isEqualTo("2026-01-14");

        assertThat(decide(TestUsers.REGION_REVIEWER, Map.of("outcome", "PASS"), 200)
                        .path("status")
                        .asText())
                .isEqualTo("FINAL_PASSED");
    }

    @Test
    void regionThatDoesNotCollectThePaperFormHasNothingToRecord() throws Exception {
        cases.submittedAndReviewOpen(applicant);

        assertThat(view(TestUsers.SITE_REVIEWER)
                        .path("paperForm")
                        .path("requirement")
                        .asText())
                .isEqualTo("NOT_COLLECTED");
        assertThat(recordPaperForm(TestUsers.SITE_REVIEWER, "2026-01-14", 409)
                        .path("code")
                        .asText())
                .isEqualTo("PAPER_FORM_NOT_COLLECTED");
    }

    private JsonNode decide(String reviewer, Map<String, String> body, int expectedStatus) throws Exception {
        return api.call(
                post(path() + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(body)),
                reviewer,
                TestUsers.PASSWORD,
                expectedStatus);
    }

    private JsonNode recordPaperForm(String reviewer, String receivedOn, int expectedStatus) throws Exception {
        return api.call(
                put(path() + "/paper-form")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of("receivedOn", receivedOn))),
                reviewer,
                TestUsers.PASSWORD,
                expectedStatus);
    }

    private JsonNode view(String reviewer) throws Exception {
        return api.call(get(path()), reviewer, TestUsers.PASSWORD, 200);
    }

    private String path() {
        return "/api/review/cases/" + applicant.candidateNo;
    }

    @Test
    void candidateOfARegionWithoutOnlineUploadIsToldTheirCaseIsReviewedOnPaper() throws Exception {
        applicant.examYear = campaigns.withoutOnlineUpload(Region.SHANDONG);
        candidates.activated(applicant);

        JsonNode myCase = api.call(get("/api/me/case"), applicant.candidateNo, Candidates.PASSWORD, 200);

        assertThat(myCase.path("status").asText()).isEqualTo("OFFLINE");
        assertThat(myCase.path("onlineUpload").asBoolean()).isFalse();
    }
}

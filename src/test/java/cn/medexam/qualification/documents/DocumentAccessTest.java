package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees which images (the IDOR matrix): a candidate only their own; a reviewer only the candidates of their exam
 * site or region; everyone else nothing, not even whether the candidate exists.
 */
@EngineTest
@AutoConfigureMockMvc
class DocumentAccessTest {

    private static final byte[] PHOTO = TestImages.jpegAtMost(TestImages.document(1000, 1300, 7), 190_000);

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    Applicant a = Applicant.shandongBachelor();
    Applicant b = Applicant.shandongBachelor();
    String imageOfA;
    String imageOfB;

    @BeforeEach
    void twoCandidatesOfTwoSitesEachWithADiploma() throws Exception {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        b.examSite = "3702";
        candidates.activated(a);
        candidates.activated(b);
        imageOfA = upload(a);
        imageOfB = upload(b);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCandidateReachesNoImageOfAnother() throws Exception {
        api.call(get("/api/me/materials/DIPLOMA/images/" + imageOfB), a.candidateNo, Candidates.PASSWORD, 404);
        api.call(delete("/api/me/materials/DIPLOMA/images/" + imageOfB), a.candidateNo, Candidates.PASSWORD, 404);
        api.call(get("/api/review/cases/" + b.candidateNo), a.candidateNo, Candidates.PASSWORD, 404);
        api.call(
                get("/api/review/cases/" + b.candidateNo + "/images/" + imageOfB),
                a.candidateNo,
                Candidates.PASSWORD,
                404);
        assertThat(api.call(get("/api/me/case"), a.candidateNo, Candidates.PASSWORD, 200)
                        .path("checklist")
                        .findValuesAsText("id"))
                .containsExactly(imageOfA);
    }

    @Test
    void aSiteReviewerSeesTheirSitesCandidatesOnlyAndMasked() throws Exception {
        JsonNode seen = review(a, TestUsers.SITE_REVIEWER, 200);

        assertThat(seen.path("idNumber").asText()).isEqualTo("3701**********1234");
        assertThat(seen.path("phone").asText()).isEqualTo("138****8000");
        assertThat(seen.path("checklist").findValuesAsText("id")).containsExactly(imageOfA);
        byte[] bytes = api.perform(
                        get("/api/review/cases/" + a.candidateNo + "/images/" + imageOfA)
                                .with(basic(TestUsers.SITE_REVIEWER)),
                        200)
                .getResponse()
                .getContentAsByteArray();
        assertThat(bytes).isEqualTo(PHOTO);

        review(b, TestUsers.SITE_REVIEWER, 404);
        api.call(
                get("/api/review/cases/" + b.candidateNo + "/images/" + imageOfB),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                404);
        api.call(
                get("/api/review/cases/" + a.candidateNo + "/images/" + imageOfB),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                404);
    }

    @Test
    void theRegionsReviewersSeeTheRegionAndNoOtherRegion() throws Exception {
        review(a, TestUsers.REGION_REVIEWER, 200);
        review(b, TestUsers.REGION_REVIEWER, 200);
        review(a, TestUsers.OTHER_REGION_REVIEWER, 404);
        review(b, TestUsers.OTHER_SITE_REVIEWER, 200);
        review(a, TestUsers.OTHER_SITE_REVIEWER, 404);
    }

    @Test
    void strangersAndOtherRolesAreTurnedAway() throws Exception {
        api.anonymous(get("/api/me/case"), 401);
        api.anonymous(get("/api/review/cases/" + a.candidateNo), 401);
        api.anonymous(get("/api/me/materials/DIPLOMA/images/" + imageOfA), 401);
        api.call(get("/api/me/case"), TestUsers.REGISTRAR, TestUsers.PASSWORD, 403);
        review(a, TestUsers.REGISTRAR, 404);
        api.call(get("/api/review/cases/NO-SUCH-CANDIDATE"), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 404);
    }

    @Test
    void noVerdictBeforeTheCaseReachesTheReviewer() throws Exception {
        JsonNode refused = api.call(
                post("/api/review/cases/" + a.candidateNo + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"PASS\"}"),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                409);

        assertThat(refused.path("code").asText()).isEqualTo("NO_REVIEW_TASK");
    }

    private JsonNode review(Applicant candidate, String reviewer, int expectedStatus) throws Exception {
        return api.call(
                get("/api/review/cases/" + candidate.candidateNo), reviewer, TestUsers.PASSWORD, expectedStatus);
    }

    private String upload(Applicant candidate) throws Exception {
        return api.call(
                        multipart("/api/me/materials/DIPLOMA/images")
                                .file(new MockMultipartFile("file", "diploma.jpg", MediaType.IMAGE_JPEG_VALUE, PHOTO)),
                        candidate.candidateNo,
                        Candidates.PASSWORD,
                        201)
                .path("id")
                .asText();
    }

    private static RequestPostProcessor basic(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }
}

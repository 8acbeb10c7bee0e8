package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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

/** Every staff view of a candidate's image is recorded and administrators read the record per case. */
@EngineTest
@AutoConfigureMockMvc
class ImageViewsTest {

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    DocumentStore documents;

    Applicant candidate = Applicant.shandongBachelor();
    MaterialImage diploma;
    MaterialImage idProof;

    @BeforeEach
    void aCandidateWithADiplomaAndAnIdProof() throws Exception {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        candidates.activated(candidate);
        cases.upload(candidate, "DIPLOMA");
        cases.upload(candidate, "ID_PROOF");
        diploma = image("DIPLOMA");
        idProof = image("ID_PROOF");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAdministratorListsEveryImageAReviewerViewedNewestFirst() throws Exception {
        view(diploma, TestUsers.SITE_REVIEWER, 200);
        view(idProof, TestUsers.SITE_REVIEWER, 200);

        JsonNode views = list(TestUsers.ADMIN, 200);

        assertThat(views.findValuesAsText("viewer")).containsExactly(TestUsers.SITE_REVIEWER, TestUsers.SITE_REVIEWER);
        assertThat(views.findValuesAsText("imageId")).containsExactly(idProof.id(), diploma.id());
        assertThat(views.findValuesAsText("material")).containsExactly("ID_PROOF", "DIPLOMA");
        assertThat(views.findValuesAsText("viewedAt"))
                .allSatisfy(at -> assertThat(at).startsWith("2026-01-15T"));
    }

    @Test
    void aCandidateViewingTheirOwnImageIsNotRecorded() throws Exception {
        api.call(
                get("/api/me/materials/DIPLOMA/images/" + diploma.id()),
                candidate.candidateNo,
                Candidates.PASSWORD,
                200);

        assertThat(list(TestUsers.ADMIN, 200)).isEmpty();
    }

    @Test
    void aRefusedViewIsNotRecordedAndOnlyAdministratorsReadTheRecord() throws Exception {
        view(diploma, TestUsers.OTHER_SITE_REVIEWER, 404);

        list(TestUsers.SITE_REVIEWER, 403);
        list(TestUsers.REGISTRAR, 403);
        api.call(
                get("/api/admin/cases/" + candidate.candidateNo + "/image-views"),
                candidate.candidateNo,
                Candidates.PASSWORD,
                403);
        assertThat(list(TestUsers.ADMIN, 200)).isEmpty();
        api.call(get("/api/admin/cases/NO-SUCH-CANDIDATE/image-views"), TestUsers.ADMIN, TestUsers.PASSWORD, 404);
    }

    private void view(MaterialImage image, String reviewer, int expectedStatus) throws Exception {
        api.call(
                get("/api/review/cases/" + candidate.candidateNo + "/images/" + image.id()),
                reviewer,
                TestUsers.PASSWORD,
                expectedStatus);
    }

    private JsonNode list(String user, int expectedStatus) throws Exception {
        return api.call(
                get("/api/admin/cases/" + candidate.candidateNo + "/image-views"),
                user,
                TestUsers.PASSWORD,
                expectedStatus);
    }

    private MaterialImage image(String materialCode) {
        return documents.images(candidate.candidateNo).stream()
                .filter(i -> i.materialCode().equals(materialCode))
                .findFirst()
                .orElseThrow();
    }
}

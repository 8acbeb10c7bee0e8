package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/**
 * A resubmitted case through the review API: the site's second round says so, names what it returned and why, and
 * marks the images uploaded since; the region reads the site's notes per material.
 */
@EngineTest
@AutoConfigureMockMvc
class ResubmissionReviewApiTest {

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

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
    void theSecondSiteRoundShowsTheReturnAndTheNewImagesAndTheRegionReadsTheSitesNotes() throws Exception {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        JsonNode first = view(TestUsers.SITE_REVIEWER);
        assertThat(first.path("siteRound").asInt()).isEqualTo(1);
        assertThat(first.path("returnedAt").isNull()).isTrue();
        assertThat(first.path("checklist").findValuesAsText("newSinceReturn")).containsOnly("false");

        decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "RETURN", "returns", Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！")));
        cases.clockAt(cases.now().plusSeconds(3600).atOffset(ZoneOffset.ofHours(8)));
        cases.resubmit(applicant, instance, "DIPLOMA");

        JsonNode second = view(TestUsers.SITE_REVIEWER);
        assertThat(second.path("siteRound").asInt()).isEqualTo(2);
        assertThat(second.path("returnedAt").asText()).isNotBlank();
        assertThat(second.path("latestReturns").path("DIPLOMA").asText()).isEqualTo("毕业证编号无法辨别，请重新上传！");
        assertThat(newImagesOf(second)).containsExactly("DIPLOMA");

        decide(TestUsers.SITE_REVIEWER, Map.of("outcome", "PASS", "notes", Map.of("DIPLOMA", "新图片毕业证编号清晰，与学信网一致")));

        JsonNode regional = view(TestUsers.REGION_REVIEWER);
        assertThat(regional.path("openReview").asText()).isEqualTo("REGION");
        assertThat(regional.path("siteReview").path("stage").asText()).isEqualTo("SITE");
        assertThat(regional.path("siteReview").path("reviewer").asText()).isEqualTo(TestUsers.SITE_REVIEWER);
        assertThat(regional.path("siteReview").path("notes").path("DIPLOMA").asText())
                .isEqualTo("新图片毕业证编号清晰，与学信网一致");
    }

    @Test
    void aNoteOnAMaterialTheCandidateDoesNotHaveIsRefusedInChinese() throws Exception {
        cases.submittedAndReviewOpen(applicant);

        JsonNode refused = api.call(
                post(path() + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of("outcome", "PASS", "notes", Map.of("NO_SUCH", "备注", "DIPLOMA", " ")))),
                TestUsers.SITE_REVIEWER,
                TestUsers.PASSWORD,
                400);

        assertThat(refused.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("notes.NO_SUCH", "notes.DIPLOMA");
        assertThat(refused.path("message").asText()).contains("材料清单中没有此项材料", "材料备注须为 1 至 500 个字符");
        assertThat(view(TestUsers.SITE_REVIEWER).path("openReview").asText()).isEqualTo("SITE");
    }

    private static List<String> newImagesOf(JsonNode reviewCase) {
        List<String> materials = new ArrayList<>();
        reviewCase
                .path("checklist")
                .forEach(material -> material.path("images").forEach(image -> {
                    if (image.path("newSinceReturn").asBoolean()) {
                        materials.add(material.path("code").asText());
                    }
                }));
        return materials;
    }

    private void decide(String reviewer, Map<String, Object> body) throws Exception {
        api.call(
                post(path() + "/decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(body)),
                reviewer,
                TestUsers.PASSWORD,
                200);
    }

    private JsonNode view(String reviewer) throws Exception {
        return api.call(get(path()), reviewer, TestUsers.PASSWORD, 200);
    }

    private String path() {
        return "/api/review/cases/" + applicant.candidateNo;
    }
}

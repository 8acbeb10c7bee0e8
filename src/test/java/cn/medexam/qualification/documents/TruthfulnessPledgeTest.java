package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.system.CaseActivities;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 真实性承诺: Hunan's candidates confirm the pledge before each submission; elsewhere nobody is asked, and everybody
 * reads Shandong's warning; reviewers see when it was given; administrators switch it per campaign.
 */
@EngineTest
@AutoConfigureMockMvc
class TruthfulnessPledgeTest {

    /** Hunan 2021: uploads from 2021-01-05 to 2021-01-25, review from 2021-01-26. */
    static final OffsetDateTime HUNAN_UPLOAD = OffsetDateTime.parse("2021-01-10T09:00:00+08:00");

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void hunanAsksForThePledgeBeforeEverySubmissionRound() throws Exception {
        cases.clockAt(HUNAN_UPLOAD);
        Applicant applicant = hunanApplicant();
        candidates.activated(applicant);
        cases.uploadRequired(applicant);

        JsonNode status = me(get("/api/me/pledge"), applicant, 200);
        assertThat(status.path("required").asBoolean()).isTrue();
        assertThat(status.path("given").asBoolean()).isFalse();
        assertThat(status.path("pledgedAt").isNull()).isTrue();
        assertThat(status.path("text").asText()).startsWith("本人郑重承诺").contains("真实、准确、完整、有效");
        assertThat(status.path("warning").asText()).contains("如有虚假材料，将按照《医师资格考试违纪违规规定》相关条款进行处理");

        JsonNode refused = me(post("/api/me/submission"), applicant, 422);
        assertThat(refused.path("code").asText()).isEqualTo("PLEDGE_REQUIRED");
        assertThat(refused.path("message").asText()).contains("承诺");

        cases.clockAt(HUNAN_UPLOAD.plusMinutes(5));
        me(post("/api/me/pledge"), applicant, 204);
        status = me(get("/api/me/pledge"), applicant, 200);
        assertThat(status.path("given").asBoolean()).isTrue();
        assertThat(Instant.parse(status.path("pledgedAt").asText()))
                .isEqualTo(HUNAN_UPLOAD.plusMinutes(5).toInstant());
        JsonNode submitted = me(post("/api/me/submission"), applicant, 200);
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED_LOCKED");

        users.ensureExist();
        JsonNode review = api.call(
                get("/api/review/cases/" + applicant.candidateNo),
                TestUsers.OTHER_REGION_REVIEWER,
                TestUsers.PASSWORD,
                200);
        assertThat(Instant.parse(review.path("pledgedAt").asText()))
                .isEqualTo(HUNAN_UPLOAD.plusMinutes(5).toInstant());

        // returned: the new round's upload needs a new pledge
        ProcessInstance instance = cases.instance(applicant.candidateNo);
        cases.passTimeUntil(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！"));
        cases.upload(applicant, "DIPLOMA");
        assertThat(me(get("/api/me/pledge"), applicant, 200).path("given").asBoolean())
                .isFalse();
        assertThat(me(post("/api/me/submission"), applicant, 422).path("code").asText())
                .isEqualTo("PLEDGE_REQUIRED");
        cases.clockAt(cases.now().atOffset(HUNAN_UPLOAD.getOffset()).plusHours(1));
        me(post("/api/me/pledge"), applicant, 204);
        me(post("/api/me/submission"), applicant, 200);
        me(post("/api/me/pledge"), applicant, 409);
    }

    @Test
    void shandongAsksForNoPledgeButShowsTheWarning() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        Applicant applicant = Applicant.shandongBachelor();
        candidates.activated(applicant);
        cases.uploadRequired(applicant);

        JsonNode status = me(get("/api/me/pledge"), applicant, 200);
        assertThat(status.path("required").asBoolean()).isFalse();
        assertThat(status.path("warning").asText()).contains("《医师资格考试违纪违规规定》");

        me(post("/api/me/submission"), applicant, 200);
        JsonNode review = api.call(
                get("/api/review/cases/" + applicant.candidateNo), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 200);
        assertThat(review.has("pledgedAt")).isTrue();
        assertThat(review.path("pledgedAt").isNull()).isTrue();
    }

    @Test
    void aNewCampaignAsksAsItsRegionsLatestAndAdministratorsSwitchIt() throws Exception {
        users.ensureExist();
        // a year no other test uses; on a reused database an earlier run may have made it (200 instead of 201)
        int year = ThreadLocalRandom.current().nextInt(2040, 2100);
        String campaign = "/api/admin/campaigns/HUNAN/" + year;
        int created = mvc.perform(put(campaign)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of(
                                "uploadOpens", year + "-01-05",
                                "uploadCloses", year + "-01-25",
                                "reminderLead", "P3D",
                                "reviewOpens", year + "-01-26",
                                "resubmissionPeriod", "P7D",
                                "finalReviewEnds", year + "-03-31"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(created).isIn(200, 201);
        try {
            if (created == 201) {
                assertThat(admin(get(campaign + "/pledge"), 200)
                                .path("required")
                                .asBoolean())
                        .as("Hunan's latest campaign asks for it")
                        .isTrue();
            }
            assertThat(admin(put(campaign + "/pledge").content("{\"required\":false}"), 200)
                            .path("required")
                            .asBoolean())
                    .isFalse();
            assertThat(admin(get(campaign + "/pledge"), 200).path("required").asBoolean())
                    .isFalse();
        } finally {
            admin(put(campaign + "/pledge").content("{\"required\":true}"), 200);
        }
        admin(put(campaign + "/pledge").content("{}"), 400);
        admin(get("/api/admin/campaigns/HUNAN/1999/pledge"), 404);
        api.call(get(campaign + "/pledge"), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 403);
    }

    private JsonNode me(MockHttpServletRequestBuilder request, Applicant applicant, int status) throws Exception {
        return api.call(request, applicant.candidateNo, Candidates.PASSWORD, status);
    }

    private JsonNode admin(MockHttpServletRequestBuilder request, int status) throws Exception {
        return api.call(request.contentType(MediaType.APPLICATION_JSON), TestUsers.ADMIN, TestUsers.PASSWORD, status);
    }

    static Applicant hunanApplicant() {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.region = Region.HUNAN;
        applicant.examYear = 2021;
        applicant.examSite = "4301";
        applicant.idNumber = "430102199001011234";
        return applicant;
    }
}

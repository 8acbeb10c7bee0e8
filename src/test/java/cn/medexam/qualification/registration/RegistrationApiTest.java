package cn.medexam.qualification.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The registration system's API, exactly as its contract says: paths, bodies, status codes, Chinese errors. */
@EngineTest
@AutoConfigureMockMvc
class RegistrationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    Api api;

    @Autowired
    IdentityService identityService;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void callersExist() {
        users.ensureExist();
    }

    @Test
    void registrationCreatesTheCaseWithItsChecklistAndTheSameBodyAgainFindsIt() throws Exception {
        JsonNode created = call(post("/api/registrations").content(body()), 201);

        assertThat(created.path("candidateNo").asText()).isEqualTo(applicant.candidateNo);
        assertThat(created.path("status").asText()).isEqualTo("NOT_SUBMITTED");
        JsonNode checklist = created.path("checklist");
        assertThat(checklist.path("region").asText()).isEqualTo("SHANDONG");
        assertThat(checklist.path("eligible").asBoolean()).isTrue();
        assertThat(checklist.path("offlineReview").asBoolean()).isFalse();
        assertThat(checklist.path("materials").findValuesAsText("code"))
                .containsExactly("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE");
        assertThat(checklist.path("materials").get(0).path("name").asText()).isEqualTo("有效身份证明");
        assertThat(checklist.path("materials").get(0).path("maxImages").asInt()).isEqualTo(3);

        JsonNode again = call(post("/api/registrations").content(body()), 200);
        assertThat(again.path("processInstanceId").asText())
                .isEqualTo(created.path("processInstanceId").asText());
    }

    @Test
    void anotherRegistrationUnderTheSameNumberIsRefused() throws Exception {
        call(post("/api/registrations").content(body()), 201);
        applicant.name = "另一个人";

        JsonNode refused = call(post("/api/registrations").content(body()), 409);

        assertThat(refused.path("code").asText()).isEqualTo("REGISTRATION_EXISTS");
    }

    @Test
    void everyBadFieldIsNamedInChinese() throws Exception {
        Map<String, Object> bad = bodyMap();
        bad.put("region", "BEIJING");
        bad.put("phone", "12345");
        bad.put("idType", null);
        bad.put("upgradedBachelorEnteredOn", "2015-02-30");
        bad.put("probationInstitutions", -1);
        bad.remove("schoolInRegion");

        JsonNode refused = call(post("/api/registrations").content(json.writeValueAsString(bad)), 400);

        assertThat(refused.path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(refused.path("errors").findValuesAsText("field"))
                .containsExactly(
                        "idType",
                        "phone",
                        "probationInstitutions",
                        "region",
                        "schoolInRegion",
                        "upgradedBachelorEnteredOn");
        assertThat(refused.path("message").asText()).contains("考区取值无效", "手机号码", "专升本入学日期");
        assertThat(call(get("/api/cases/" + applicant.candidateNo + "/checklist"), 404)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theReviewersFactsAreOptionalStoredChangedAndShownToTheSitesReviewer() throws Exception {
        call(post("/api/registrations").content(body()), 201);
        JsonNode without = reviewCase();
        assertThat(without.path("school").isNull()).isTrue();
        assertThat(without.path("graduatedOn").isNull()).isTrue();

        Map<String, Object> withFacts = bodyMap();
        withFacts.put("school", " 山东第一医科大学 ");
        withFacts.put("major", "临床医学");
        withFacts.put("graduatedOn", "2024-06-30");
        withFacts.put("probationInstitution", "济南市中心医院");
        withFacts.put("institutionLicenseNo", "PDY37010211");
        withFacts.put("assistantCertificateNo", "");
        call(put("/api/registrations/" + applicant.candidateNo).content(json.writeValueAsString(withFacts)), 200);

        JsonNode shown = reviewCase();
        assertThat(shown.path("school").asText()).isEqualTo("山东第一医科大学");
        assertThat(shown.path("major").asText()).isEqualTo("临床医学");
        assertThat(shown.path("graduatedOn").asText()).isEqualTo("2024-06-30");
        assertThat(shown.path("probationInstitution").asText()).isEqualTo("济南市中心医院");
        assertThat(shown.path("institutionLicenseNo").asText()).isEqualTo("PDY37010211");
        assertThat(shown.path("assistantCertificateNo").isNull()).isTrue();
        assertThat(shown.path("idNumber").asText())
                .isNotEqualTo(applicant.idNumber)
                .contains("*");
        assertThat(shown.path("phone").asText()).isNotEqualTo(applicant.phone).contains("*");
        // the same body again changes nothing and is no conflict
        call(put("/api/registrations/" + applicant.candidateNo).content(json.writeValueAsString(withFacts)), 200);
    }

    @Test
    void badReviewersFactsAreNamedInChineseAndStartNothing() throws Exception {
        Map<String, Object> bad = bodyMap();
        bad.put("school", "医".repeat(101));
        bad.put("major", "专".repeat(101));
        bad.put("graduatedOn", "2024-13-01");
        bad.put("probationInstitution", "院".repeat(201));
        bad.put("institutionLicenseNo", "许可证<script>");
        bad.put("assistantCertificateNo", "1".repeat(65));

        JsonNode refused = call(post("/api/registrations").content(json.writeValueAsString(bad)), 400);

        assertThat(refused.path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(refused.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder(
                        "school",
                        "major",
                        "graduatedOn",
                        "probationInstitution",
                        "institutionLicenseNo",
                        "assistantCertificateNo");
        assertThat(refused.path("message").asText())
                .contains("毕业学校最长 100 个字符", "专业最长 100 个字符", "毕业日期须为 yyyy-MM-dd 格式", "试用机构名称最长 200 个字符");
        call(get("/api/cases/" + applicant.candidateNo), 404);
        bad.put("graduatedOn", 20240601);
        assertThat(call(post("/api/registrations").content(json.writeValueAsString(bad)), 400)
                        .path("code")
                        .asText())
                .isEqualTo("INVALID_INPUT");
    }

    @Test
    void unreadableBodiesAreRefusedWithAChineseMessage() throws Exception {
        assertThat(call(post("/api/registrations").content("{not json"), 400)
                        .path("code")
                        .asText())
                .isEqualTo("MALFORMED_JSON");
        JsonNode wrongType = call(
                post("/api/registrations").content(body().replace("\"examYear\":2026", "\"examYear\":\"二〇二六\"")), 400);
        assertThat(wrongType.path("errors").findValuesAsText("field")).containsExactly("examYear");
    }

    @Test
    void registrationForARegionYearWithoutCampaignIsRefused() throws Exception {
        applicant.examYear = 2099;

        assertThat(call(post("/api/registrations").content(body()), 400)
                        .path("code")
                        .asText())
                .isEqualTo("NO_CAMPAIGN");
    }

    @Test
    void changeAndCancellationReachTheCase() throws Exception {
        call(post("/api/registrations").content(body()), 201);
        applicant.foreignDegree = true;

        JsonNode changed =
                call(put("/api/registrations/" + applicant.candidateNo).content(body()), 200);

        assertThat(changed.path("checklist").path("materials").findValuesAsText("code"))
                .contains("FOREIGN_DEGREE_VERIFICATION");
        call(delete("/api/registrations/" + applicant.candidateNo), 204);
        call(delete("/api/registrations/" + applicant.candidateNo), 204);
        assertThat(call(get("/api/cases/" + applicant.candidateNo), 200)
                        .path("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(call(put("/api/registrations/" + applicant.candidateNo).content(body()), 409)
                        .path("code")
                        .asText())
                .isEqualTo("CASE_CLOSED");
    }

    @Test
    void unknownCandidateNumbersAreNotFound() throws Exception {
        call(put("/api/registrations/" + applicant.candidateNo).content(body()), 404);
        call(delete("/api/registrations/" + applicant.candidateNo), 404);
        call(get("/api/cases/" + applicant.candidateNo + "/checklist"), 404);
        call(get("/api/cases/" + applicant.candidateNo), 404);
    }

    @Test
    void checklistPreviewCreatesNothing() throws Exception {
        applicant = Applicant.liaoningGraduateFromElsewhere();

        JsonNode preview = call(post("/api/checklist/evaluate").content(body()), 200);

        assertThat(preview.path("eligible").asBoolean()).isFalse();
        assertThat(preview.path("ineligibleReason").asText()).isNotBlank();
        call(get("/api/cases/" + applicant.candidateNo + "/checklist"), 404);
    }

    @Test
    void theFirstRegistrationsOfANewExamSiteArrivingAtOnceAllStartTheirCases() throws Exception {
        String newSite = "N" + applicant.candidateNo.substring(applicant.candidateNo.length() - 6);
        List<Applicant> firsts = List.of(new Applicant(), new Applicant(), new Applicant(), new Applicant());
        firsts.forEach(first -> first.examSite = newSite);
        ExecutorService registrationSystem = Executors.newFixedThreadPool(firsts.size());
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (Applicant first : firsts) {
                answers.add(registrationSystem.submit(() -> call(
                        post("/api/registrations")
                                .content(json.writeValueAsString(json.convertValue(first.registration(), Map.class))),
                        201)));
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get().path("status").asText()).isEqualTo("NOT_SUBMITTED");
            }
        } finally {
            registrationSystem.shutdown();
        }
        assertThat(identityService.createGroupQuery().groupId("site-" + newSite).count())
                .isOne();
    }

    @Test
    void onlyTheRegistrationSystemAndAdministratorsMayCall() throws Exception {
        MvcResult anonymous = mvc.perform(post("/api/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body()))
                .andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);

        MvcResult reviewer = mvc.perform(post("/api/registrations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body())
                        .with(httpBasic(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD)))
                .andReturn();
        assertThat(reviewer.getResponse().getStatus()).isEqualTo(403);
        assertThat(json.readTree(reviewer.getResponse().getContentAsString())
                        .path("message")
                        .asText())
                .isEqualTo("您没有权限执行此操作");

        // an unknown user: a wrong password would lock the registrar for a while (Camunda's login throttling)
        MvcResult wrongPassword = mvc.perform(get("/api/cases/x/checklist").with(httpBasic("nobody", "guess")))
                .andReturn();
        assertThat(wrongPassword.getResponse().getStatus()).isEqualTo(401);

        MvcResult admin = mvc.perform(post("/api/checklist/evaluate")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body())
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andReturn();
        assertThat(admin.getResponse().getStatus()).isEqualTo(200);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return api.call(
                request.contentType(MediaType.APPLICATION_JSON),
                TestUsers.REGISTRAR,
                TestUsers.PASSWORD,
                expectedStatus);
    }

    private JsonNode reviewCase() throws Exception {
        return api.call(
                get("/api/review/cases/" + applicant.candidateNo), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 200);
    }

    private String body() throws Exception {
        return json.writeValueAsString(bodyMap());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bodyMap() {
        return json.convertValue(applicant.registration(), Map.class);
    }
}

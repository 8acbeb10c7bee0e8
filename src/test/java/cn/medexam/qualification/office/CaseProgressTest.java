package cn.medexam.qualification.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.ReviewGroups;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office's progress counts are the cases' real states: after every step of a lifecycle through every status,
 * each case's row in case_progress says what {@link CaseStatusResolver} reads from the engine, and {@code GET
 * /api/admin/progress} counts exactly those. Who sees which part of it.
 */
@EngineTest
@AutoConfigureMockMvc
class CaseProgressTest {

    /** A site of its own, so that the other tests' cases (site 3701) do not count here. */
    final String SITE = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    static final String SITE_USER = "office-test-site-reviewer";

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    CaseStatusResolver resolver;

    @Autowired
    Checklists checklists;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcClient jdbc;

    final Map<String, Applicant> all = new LinkedHashMap<>();

    @BeforeEach
    void users() {
        users.ensureExist();
        user(SITE_USER + SITE.toLowerCase(), ReviewGroups.site(SITE));
        user("office-test-candidate", ReviewGroups.CANDIDATES);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void countsFollowEveryCaseThroughItsLifecycle() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        Applicant notSubmitted = applicant("notSubmitted");
        Applicant waitingForOpening = applicant("waitingForOpening");
        Applicant inSiteReview = applicant("inSiteReview");
        Applicant returned = applicant("returned");
        Applicant missesResubmission = applicant("missesResubmission");
        Applicant sitePassed = applicant("sitePassed");
        Applicant finalPassed = applicant("finalPassed");
        Applicant notQualified = applicant("notQualified");
        Applicant expires = applicant("expires");
        Applicant cancelled = applicant("cancelled");
        Applicant soldier = Applicant.servingMilitary();
        soldier.examSite = SITE;
        all.put("soldier", soldier);

        Map<String, ProcessInstance> instances = new LinkedHashMap<>();
        for (Applicant applicant : all.values()) {
            instances.put(applicant.candidateNo, cases.register(applicant));
        }
        assertCountsAreTheCasesStates();

        for (Applicant applicant : List.of(
                waitingForOpening, inSiteReview, returned, missesResubmission, sitePassed, finalPassed, notQualified)) {
            cases.uploadRequired(applicant);
            cases.submit(applicant);
        }
        assertCountsAreTheCasesStates();

        for (Applicant applicant :
                List.of(inSiteReview, returned, missesResubmission, sitePassed, finalPassed, notQualified)) {
            cases.passTimeUntil(instances.get(applicant.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        }
        JsonNode progress = assertCountsAreTheCasesStates();
        assertThat(site(progress).path("openReviewTasks").asLong()).isEqualTo(7); // 6 site reviews, 1 offline
        assertThat(site(progress).path("oldestWaitingSince").isNull()).isFalse();

        taskService.claim(
                taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(inSiteReview.candidateNo)
                        .singleResult()
                        .getId(),
                TestUsers.SITE_REVIEWER);
        cases.returnMaterials(missesResubmission, Map.of(firstRequired(missesResubmission), "图片不清晰，请重新上传"));
        cases.siteReview(sitePassed, Verdict.pass());
        cases.siteReview(finalPassed, Verdict.pass());
        cases.finalReview(finalPassed, Verdict.pass());
        cases.siteReview(notQualified, Verdict.notQualified("试用期考核证明非本年度出具"));
        cases.cancel(cancelled);
        cases.passTimeUntil(instances.get(expires.candidateNo), CaseActivities.UPLOAD_DEADLINE_PASSED);
        assertCountsAreTheCasesStates();

        cases.passTimeUntil(instances.get(missesResubmission.candidateNo), CaseActivities.RESUBMISSION_DEADLINE_PASSED);
        cases.returnMaterials(returned, Map.of(firstRequired(returned), "毕业证编号无法辨别，请重新上传！"));
        progress = assertCountsAreTheCasesStates();

        JsonNode site = site(progress);
        assertThat(site.path("counts").path("NOT_SUBMITTED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("SUBMITTED_LOCKED").asLong()).isEqualTo(2);
        assertThat(site.path("counts").path("RETURNED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("SITE_PASSED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("FINAL_PASSED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("NOT_QUALIFIED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("EXPIRED").asLong()).isEqualTo(2);
        assertThat(site.path("counts").path("CANCELLED").asLong()).isEqualTo(1);
        assertThat(site.path("counts").path("OFFLINE").asLong()).isEqualTo(1);
        assertThat(site.path("returnedAwaiting").asLong()).isEqualTo(1);
        assertThat(site.path("overdueReturns").asLong()).isEqualTo(1);
        // site review of inSiteReview, offline review of the soldier, region review of sitePassed
        assertThat(site.path("openReviewTasks").asLong()).isEqualTo(3);

        Map<String, Object> row = jdbc.sql(
                        "SELECT serial_number, locked_at, return_count, deadline FROM case_progress WHERE candidate_no = ?")
                .param(returned.candidateNo)
                .query()
                .singleRow();
        assertThat(row.get("locked_at")).isNotNull();
        assertThat(((Number) row.get("return_count")).intValue()).isEqualTo(1);
        assertThat(row.get("deadline")).isNotNull();
        assertThat(jdbc.sql("SELECT serial_number FROM case_progress WHERE candidate_no = ?")
                        .param(finalPassed.candidateNo)
                        .query(String.class)
                        .single())
                .isNotBlank();

        JsonNode workload = api.call(
                get("/api/admin/workload").param("region", "SHANDONG").param("year", "2026"),
                TestUsers.REGION_REVIEWER,
                TestUsers.PASSWORD,
                200);
        JsonNode ours = null;
        for (JsonNode s : workload.path("sites")) {
            if (s.path("site").asText().equals(SITE)) {
                ours = s;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.path("openReviewTasks").asLong()).isEqualTo(3);
        assertThat(ours.path("unclaimed").asLong()).isEqualTo(2);
        assertThat(ours.path("claimed").get(0).path("claimedBy").asText()).isEqualTo(TestUsers.SITE_REVIEWER);
        assertThat(ours.path("claimed").get(0).path("candidateNo").asText()).isEqualTo(inSiteReview.candidateNo);
        long decisions = 0;
        for (JsonNode d : ours.path("decisions")) {
            decisions += d.path("decisions").asLong();
        }
        assertThat(decisions).isEqualTo(6); // 2 returns, 3 site passes or not qualified, 1 final
        api.call(
                get("/api/admin/workload").param("region", "SHANDONG").param("year", "2026"),
                SITE_USER + SITE.toLowerCase(),
                TestUsers.PASSWORD,
                404);

        JsonNode daily = api.call(
                get("/api/admin/progress/daily").param("region", "SHANDONG").param("year", "2026"),
                SITE_USER + SITE.toLowerCase(),
                TestUsers.PASSWORD,
                200);
        long submitted = 0;
        for (JsonNode n : daily.path("submitted")) {
            submitted += n.asLong();
        }
        assertThat(submitted).isEqualTo(7);
        assertThat(daily.path("days").size()).isEqualTo(daily.path("submitted").size());
    }

    @Test
    void eachSeesTheirPartOnly() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(applicant("one"));

        JsonNode admin = progress(TestUsers.ADMIN, 200);
        assertThat(sites(admin)).contains(SITE);
        JsonNode region = progress(TestUsers.REGION_REVIEWER, 200);
        assertThat(sites(region)).contains(SITE);
        JsonNode ownSite = progress(SITE_USER + SITE.toLowerCase(), 200);
        assertThat(sites(ownSite)).containsExactly(SITE);
        assertThat(ownSite.path("totals").path("NOT_SUBMITTED").asLong())
                .isEqualTo(site(ownSite).path("counts").path("NOT_SUBMITTED").asLong());
        JsonNode otherSite = progress(TestUsers.SITE_REVIEWER, 200);
        assertThat(sites(otherSite)).containsExactly("3701");

        progress(TestUsers.OTHER_REGION_REVIEWER, 404);
        progress(TestUsers.REGISTRAR, 404);
        progress("office-test-candidate", 404);
        api.anonymous(get("/api/admin/progress").param("region", "SHANDONG").param("year", "2026"), 401);
        api.call(
                get("/api/admin/progress").param("region", "ATLANTIS").param("year", "2026"),
                TestUsers.ADMIN,
                TestUsers.PASSWORD,
                404);
        // the site reviewer has no part of Hunan
        api.call(
                get("/api/admin/progress").param("region", "HUNAN").param("year", "2026"),
                SITE_USER + SITE.toLowerCase(),
                TestUsers.PASSWORD,
                404);
        // every status is named, also those with no case
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(admin.path("totals").has(status.name()))
                    .as(status.name())
                    .isTrue();
        }
    }

    /** Each case's row says what the engine says; the API's counts are the tally of the engine's statuses. */
    private JsonNode assertCountsAreTheCasesStates() throws Exception {
        Map<CaseStatus, Long> expected = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            expected.put(status, 0L);
        }
        for (Map.Entry<String, Applicant> entry : all.entrySet()) {
            String candidateNo = entry.getValue().candidateNo;
            CaseStatus real = resolver.statusOf(candidateNo).orElse(null);
            String kept = jdbc.sql("SELECT status FROM case_progress WHERE candidate_no = ?")
                    .param(candidateNo)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            assertThat(kept).as(entry.getKey()).isEqualTo(real == null ? null : real.name());
            if (real != null) {
                expected.merge(real, 1L, Long::sum);
            }
        }
        JsonNode progress = progress(TestUsers.ADMIN, 200);
        JsonNode counts = site(progress).path("counts");
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(counts.path(status.name()).asLong()).as(status.name()).isEqualTo(expected.get(status));
        }
        return progress;
    }

    private JsonNode progress(String user, int status) throws Exception {
        return api.call(
                get("/api/admin/progress").param("region", "SHANDONG").param("year", "2026"),
                user,
                TestUsers.PASSWORD,
                status);
    }

    private JsonNode site(JsonNode progress) {
        for (JsonNode site : progress.path("sites")) {
            if (site.path("site").asText().equals(SITE)) {
                return site;
            }
        }
        throw new AssertionError("no site " + SITE + " in " + progress);
    }

    private static List<String> sites(JsonNode progress) {
        return progress.path("sites").findValuesAsText("site");
    }

    private Applicant applicant(String role) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examSite = SITE;
        all.put(role, applicant);
        return applicant;
    }

    private String firstRequired(Applicant applicant) {
        return checklists.requiredCodes(applicant.candidateNo).get(0);
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("");
        user.setPassword(TestUsers.PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }
}

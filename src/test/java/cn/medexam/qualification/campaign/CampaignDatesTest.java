package cn.medexam.qualification.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.medexam.qualification.notification.CandidateMessage;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.PostgreSqlOnly;
import cn.medexam.qualification.support.SmsDeliveries;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.system.CaseActivities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An administrator moves a campaign's dates; the timers and task due dates already waiting in that campaign's
 * cases move with them, and no other campaign's. Each test runs its own Sichuan campaign of a year nobody else uses.
 */
@EngineTest
@AutoConfigureMockMvc
class CampaignDatesTest {

    private static int nextYear = 3000 + (int) (System.currentTimeMillis() / 1000 % 5000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SmsDeliveries deliveries;

    @Autowired
    Api api;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    CaseDriver cases;

    @Autowired
    ProcessEngine engine;

    int year = nextYear++;
    String campaignPath = "/api/admin/campaigns/SICHUAN/" + year;

    @BeforeEach
    void anAdministratorAndAFreshCampaign() throws Exception {
        BpmnAwareTests.init(engine);
        users.ensureExist();
        cases.clockAt(OffsetDateTime.parse(year + "-01-15T10:00:00+08:00"));
        JsonNode created = call(
                put(campaignPath)
                        .content(json.writeValueAsString(Map.of(
                                "uploadOpens",
                                year + "-01-10",
                                "uploadCloses",
                                year + "-01-31",
                                "reminderLead",
                                "P3D",
                                "reviewOpens",
                                year + "-02-14",
                                "resubmissionDeadline",
                                year + "-03-04",
                                "finalReviewEnds",
                                year + "-03-31"))),
                201);
        assertThat(created.path("campaign").path("examYear").asInt()).isEqualTo(year);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void movingTheUploadDeadlineAnswersAtOnceAndMovesTheWaitingCasesInTheBackground() throws Exception {
        ProcessInstance first = cases.register(sichuanApplicant());
        ProcessInstance second = cases.register(sichuanApplicant());
        ProcessInstance otherCampaign = cases.register(Applicant.shandongBachelor());
        Date deadline =
                cases.timer(first, CaseActivities.UPLOAD_DEADLINE_PASSED).getDuedate();
        Date otherDeadline = cases.timer(otherCampaign, CaseActivities.UPLOAD_DEADLINE_PASSED)
                .getDuedate();

        JsonNode moved = call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-02-07\"}"), 200);

        assertThat(moved.path("campaign").path("reviewOpens").asText()).isEqualTo(year + "-02-14");
        assertThat(moved.path("movedTimers").asInt()).isZero();
        JsonNode move = moved.path("timerMove");
        assertThat(move.path("cases").asInt()).isEqualTo(2);
        assertThat(move.path("casesDone").asInt()).isZero();
        assertThat(move.path("done").asBoolean()).isFalse();
        assertThat(engine.getManagementService()
                        .createBatchQuery()
                        .batchId(move.path("batchId").asText())
                        .singleResult()
                        .getType())
                .isEqualTo("qr-move-campaign-timers");
        assertThat(cases.timer(first, CaseActivities.UPLOAD_DEADLINE_PASSED).getDuedate())
                .isEqualTo(deadline);

        cases.runBatches();

        JsonNode progress = call(get(campaignPath + "/timer-move"), 200);
        assertThat(progress.path("casesDone").asInt()).isEqualTo(2);
        assertThat(progress.path("movedTimers").asInt()).isEqualTo(4);
        assertThat(progress.path("movedDueDates").asInt()).isEqualTo(2);
        assertThat(progress.path("done").asBoolean()).isTrue();
        for (ProcessInstance instance : new ProcessInstance[] {first, second}) {
            assertThat(cases.timer(instance, CaseActivities.UPLOAD_DEADLINE_PASSED)
                            .getDuedate())
                    .isEqualTo(beijing("-02-08T00:00"));
            assertThat(cases.timer(instance, CaseActivities.UPLOAD_REMINDER).getDuedate())
                    .isEqualTo(beijing("-02-05T00:00"));
            assertThat(BpmnAwareTests.task(instance)).hasDueDate(beijing("-02-08T00:00"));
        }
        assertThat(cases.timer(otherCampaign, CaseActivities.UPLOAD_DEADLINE_PASSED)
                        .getDuedate())
                .isEqualTo(otherDeadline);
    }

    /** Decision 0028: the acquisition is planned from statistics that know the moved timers are due. */
    @Test
    @ExtendWith(PostgreSqlOnly.class)
    void theMovesLastJobBringsTheJobTablesStatisticsUpToDate() throws Exception {
        cases.register(sichuanApplicant());
        long analyzedBefore = jobTableAnalyses();

        call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-02-07\"}"), 200);
        assertThat(jobTableAnalyses()).as("before the batch has run").isEqualTo(analyzedBefore);
        cases.runBatches();

        assertThat(jobTableAnalyses()).isEqualTo(analyzedBefore + 1);
    }

    @Test
    void aReminderStillAheadAfterTheMoveIsSent() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.register(applicant);
        call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-02-07\"}"), 200);
        cases.runBatches();

        cases.passTimeUntil(instance, CaseActivities.UPLOAD_REMINDER);

        assertThat(instance)
                .hasPassed(CaseActivities.REMIND_UPLOAD_DEADLINE)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(kinds(applicant)).containsExactly("UPLOAD_REMINDER");
    }

    @Test
    void aDeadlineMovedToYesterdayEndsTheWaitingCasesWithoutAReminder() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.register(applicant);

        call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-01-14\"}"), 200);
        cases.runBatches();

        // both timers are due now; the reminder's time (01-12) had passed when the deadline moved
        cases.passTimeUntil(instance, CaseActivities.UPLOAD_REMINDER);
        assertThat(instance)
                .hasPassed(CaseActivities.UPLOAD_REMINDER_SKIPPED)
                .hasNotPassed(CaseActivities.REMIND_UPLOAD_DEADLINE);
        cases.passTimeUntil(instance, CaseActivities.UPLOAD_DEADLINE_PASSED);
        assertThat(instance).isEnded().hasPassed(CaseActivities.NOTIFY_UPLOAD_MISSED, CaseActivities.NOT_SUBMITTED);
        assertThat(kinds(applicant)).containsExactly("UPLOAD_MISSED");
    }

    @Test
    void onDeadlineDayTheDeadlineIsTakenBeforeTheReminderAndItsEndDeletesTheReminder() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.register(applicant);
        ManagementService management = engine.getManagementService();

        JsonNode moved = call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-01-14\"}"), 200);
        Batch batch = management
                .createBatchQuery()
                .batchId(moved.path("timerMove").path("batchId").asText())
                .singleResult();
        assertThat(management
                        .createJobQuery()
                        .jobDefinitionId(batch.getSeedJobDefinitionId())
                        .singleResult()
                        .getPriority())
                .as("the timer move goes first")
                .isEqualTo(20);
        cases.runBatches();

        // both timers are due now; the job executor takes due jobs by priority (decision 0019)
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .isJobExecutorAcquireByPriority())
                .isTrue();
        Job deadline = cases.timer(instance, CaseActivities.UPLOAD_DEADLINE_PASSED);
        Job reminder = cases.timer(instance, CaseActivities.UPLOAD_REMINDER);
        assertThat(deadline.getPriority()).isGreaterThan(reminder.getPriority());
        management.executeJob(deadline.getId());

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOT_SUBMITTED)
                .hasNotPassed(CaseActivities.UPLOAD_REMINDER);
        assertThat(management.createJobQuery().jobId(reminder.getId()).count()).isZero();
        assertThat(kinds(applicant)).containsExactly("UPLOAD_MISSED");
        assertThat(deliveries.of(applicant, "UPLOAD_MISSED").job().getPriority())
                .as("the notice goes out after the province's deadlines, before any reminder (decision 0028)")
                .isLessThan(deadline.getPriority())
                .isGreaterThan(reminder.getPriority());
    }

    @Test
    void aDeadlineMovedSoCloseThatItsReminderTimeIsOverSendsNoReminder() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.register(applicant);

        // now is 01-15 10:00; the deadline moves to the end of 01-16, its reminder (3 days before) is over
        call(put(campaignPath).content("{\"uploadCloses\":\"" + year + "-01-16\"}"), 200);
        cases.runBatches();
        cases.passTimeUntil(instance, CaseActivities.UPLOAD_REMINDER);

        assertThat(instance)
                .hasPassed(CaseActivities.UPLOAD_REMINDER_SKIPPED)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(kinds(applicant)).isEmpty();
        cases.uploadRequired(applicant);
        cases.submit(applicant);
        assertThat(instance).isWaitingAt(CaseActivities.WAIT_FOR_REVIEW_OPENING);
    }

    @Test
    void movingTheResubmissionDeadlineMovesTheReturnedCandidatesDeadline() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！"));
        assertThat(cases.timer(instance, CaseActivities.RESUBMISSION_DEADLINE_PASSED)
                        .getDuedate())
                .isEqualTo(beijing("-03-05T00:00"));

        call(put(campaignPath).content("{\"resubmissionDeadline\":\"" + year + "-03-12\"}"), 200);
        cases.runBatches();

        assertThat(cases.timer(instance, CaseActivities.RESUBMISSION_DEADLINE_PASSED)
                        .getDuedate())
                .isEqualTo(beijing("-03-13T00:00"));
        assertThat(cases.timer(instance, CaseActivities.RESUBMISSION_REMINDER).getDuedate())
                .isEqualTo(beijing("-03-10T00:00"));
        assertThat(BpmnAwareTests.task(instance)).hasDueDate(beijing("-03-13T00:00"));
    }

    @Test
    void aPeriodInsteadOfAFixedDeadlineCountsFromTheReturnDay() throws Exception {
        call(put(campaignPath).content("{\"resubmissionDeadline\":null,\"resubmissionPeriod\":\"P7D\"}"), 200);
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.returnMaterials(applicant, Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！"));

        // returned on 02-14 (the review-open day): 7 days, to the end of 02-21
        assertThat(cases.timer(instance, CaseActivities.RESUBMISSION_DEADLINE_PASSED)
                        .getDuedate())
                .isEqualTo(beijing("-02-22T00:00"));
    }

    @Test
    void openingTheReviewEarlierLetsWaitingCasesReachTheReviewers() throws Exception {
        Applicant applicant = sichuanApplicant();
        ProcessInstance instance = cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);

        call(
                put(campaignPath)
                        .content("{\"uploadOpens\":\"" + year + "-01-10\",\"reviewOpens\":\"" + year + "-01-15\"}"),
                200);
        cases.runBatches();

        assertThat(cases.timer(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING).getDuedate())
                .isEqualTo(beijing("-01-15T00:00"));
        cases.passTimeUntil(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING);
        assertThat(instance).isWaitingAt(CaseActivities.SITE_REVIEW);
        cases.siteReview(applicant, Verdict.pass());
        assertThat(instance).isWaitingAt(CaseActivities.REGION_REVIEW);
    }

    @Test
    void inconsistentDatesAreRefusedFieldByField() throws Exception {
        JsonNode refused = call(
                put(campaignPath).content("{\"uploadCloses\":\"" + year + "-01-01\",\"resubmissionDeadline\":null}"),
                400);

        assertThat(refused.path("errors").findValuesAsText("field"))
                .containsExactly("resubmissionDeadline", "uploadCloses");
        assertThat(refused.path("message").asText()).contains("上传截止日期不能早于上传开始日期");
        assertThat(call(put(campaignPath).content("{\"reviewOpens\":\"下周一\"}"), 400)
                        .path("errors")
                        .findValuesAsText("field"))
                .containsExactly("reviewOpens");
        assertThat(call(get(campaignPath), 200).path("uploadCloses").asText()).isEqualTo(year + "-01-31");
    }

    @Test
    void onlyAdministratorsMoveDates() throws Exception {
        MvcResult registrar = mvc.perform(put(campaignPath)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(httpBasic(TestUsers.REGISTRAR, TestUsers.PASSWORD)))
                .andReturn();

        assertThat(registrar.getResponse().getStatus()).isEqualTo(403);
        assertThat(call(get("/api/admin/campaigns/MARS/2026"), 400).path("code").asText())
                .isEqualTo("BAD_PARAMETER");
    }

    private Applicant sichuanApplicant() {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.region = Region.SICHUAN;
        applicant.examSite = "5101";
        applicant.examYear = year;
        return applicant;
    }

    private List<String> kinds(Applicant applicant) {
        return cases.messages(applicant).stream().map(CandidateMessage::kind).toList();
    }

    private Date beijing(String monthDayTime) {
        return Date.from(OffsetDateTime.parse(year + monthDayTime + ":00+08:00").toInstant());
    }

    private JsonNode call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return api.call(
                request.contentType(MediaType.APPLICATION_JSON), TestUsers.ADMIN, TestUsers.PASSWORD, expectedStatus);
    }

    private long jobTableAnalyses() {
        return jdbc.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'act_ru_job'")
                .query(Long.class)
                .single();
    }
}

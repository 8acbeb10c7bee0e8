package cn.medexam.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.checklist.ChecklistEntry;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.documents.MaterialImage;
import cn.medexam.qualification.notification.CandidateMessage;
import cn.medexam.qualification.registration.Registration.IdType;
import cn.medexam.qualification.registration.Registration.InstitutionTier;
import cn.medexam.qualification.registration.Registration.MilitaryStatus;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestCampaigns;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.DomainException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of qualification-review.bpmn, told as the lifecycle of a candidate. Process test coverage of the
 * diagram must reach 95 % of flow nodes and sequence flows (report in target/process-test-coverage).
 */
@EngineTest
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
        listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class QualificationReviewProcessTest {

    private static final String DIPLOMA_UNREADABLE = "毕业证编号无法辨别，请重新上传！";
    private static final String ID_MISMATCH = "身份证信息异常，与报名信息不一致";

    @TestConfiguration
    static class Coverage {
        @Bean
        @Primary
        ProcessEngineCoverageProperties coverageAtLeast95Percent() {
            return ProcessEngineCoverageProperties.builder()
                    .assertClassCoverageAtLeast(0.95)
                    .build();
        }
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseDriver cases;

    @Autowired
    DocumentStore documents;

    @Autowired
    Checklists checklists;

    @Autowired
    CaseStatusResolver statuses;

    @Autowired
    TestCampaigns campaigns;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void startDuringTheUploadPeriod() {
        init(engine);
        cases.clockAt(CaseDriver.DURING_UPLOAD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- registration ----------------------------------------------------------------------------

    @Test
    void registrationStartsOneCaseWaitingForTheCandidatesUpload() {
        ProcessInstance instance = cases.register(applicant);

        assertThat(instance).isWaitingAt(CaseActivities.UPLOAD_MATERIALS).hasBusinessKey(applicant.candidateNo);
        assertThat(task(instance)).isAssignedTo(applicant.candidateNo).hasDueDate(beijing("2026-02-11T00:00"));
        assertThat(checklists.requiredCodes(applicant.candidateNo))
                .containsExactly("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE");
        assertThat(status()).isEqualTo(CaseStatus.NOT_SUBMITTED);
    }

    @Test
    void sameRegistrationTwiceKeepsOneCase() {
        ProcessInstance first = cases.register(applicant);
        ProcessInstance second = cases.register(applicant);

        assertThat(second.getId()).isEqualTo(first.getId());
    }

    @Test
    void ineligibleCandidateIsToldWhyAndTheCaseEnds() {
        applicant = Applicant.liaoningGraduateFromElsewhere();

        ProcessInstance instance = cases.register(applicant);

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_INELIGIBLE, CaseActivities.INELIGIBLE)
                .hasNotPassed(CaseActivities.UPLOAD_MATERIALS);
        assertThat(onlyMessage().kind()).isEqualTo("NOT_QUALIFIED_ELIGIBILITY");
        assertThat(onlyMessage().text()).contains("辽宁");
        assertThat(status()).isEqualTo(CaseStatus.NOT_QUALIFIED);
    }

    // --- upload ----------------------------------------------------------------------------------

    @Test
    void submittedMaterialsLockAndTheCaseWaitsForTheReviewOpeningDate() {
        ProcessInstance instance = cases.register(applicant);
        cases.uploadRequired(applicant);

        cases.submit(applicant);

        assertThat(instance)
                .hasPassed(
                        CaseActivities.VERIFY_REQUIRED_MATERIALS,
                        CaseActivities.LOCK_SUBMISSION,
                        CaseActivities.NOTIFY_SUBMITTED)
                .isWaitingAt(CaseActivities.WAIT_FOR_REVIEW_OPENING);
        assertThat(cases.timer(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING).getDuedate())
                .isEqualTo(beijing("2026-02-27T00:00"));
        assertThat(documents.images(applicant.candidateNo)).hasSize(4).allMatch(MaterialImage::locked);
        assertThat(onlyMessage().text()).startsWith("上报完成，内容已锁定（2026年1月15日 10:00）");
        assertThat(status()).isEqualTo(CaseStatus.SUBMITTED_LOCKED);
    }

    @Test
    void submissionWithARequiredMaterialMissingGoesBackToUpload() {
        ProcessInstance instance = cases.register(applicant);
        cases.upload(applicant, "ID_PROOF");

        cases.submit(applicant);

        assertThat(instance)
                .hasPassed(CaseActivities.MATERIALS_MISSING)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS)
                .variables()
                .containsEntry("missingMaterials", "DIPLOMA,PROBATION_CERT,INSTITUTION_LICENSE");
        assertThat(documents.images(applicant.candidateNo)).noneMatch(MaterialImage::locked);
    }

    @Test
    void candidateIsRemindedBeforeTheUploadDeadlineAndMayStillSubmit() {
        ProcessInstance instance = cases.register(applicant);

        cases.passTimeUntil(instance, CaseActivities.UPLOAD_REMINDER);

        assertThat(cases.now()).isEqualTo(beijing("2026-02-08T00:00").toInstant());
        assertThat(instance)
                .hasPassed(CaseActivities.REMIND_UPLOAD_DEADLINE)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(onlyMessage().text()).contains("请于2026年2月10日前上传全部材料");
        cases.uploadRequired(applicant);
        cases.submit(applicant);
        assertThat(instance).isWaitingAt(CaseActivities.WAIT_FOR_REVIEW_OPENING);
    }

    @Test
    void aReminderThatOnlyRunsAfterTheDeadlineIsNotSent() {
        ProcessInstance instance = cases.register(applicant);
        // the node was down: the reminder of 02-08 runs only after the deadline (end of 02-10) has passed
        cases.clockAt(OffsetDateTime.parse("2026-02-11T08:00:00+08:00"));

        cases.passTimeUntil(instance, CaseActivities.UPLOAD_REMINDER);

        assertThat(instance)
                .hasPassed(CaseActivities.UPLOAD_REMINDER_SKIPPED)
                .hasNotPassed(CaseActivities.REMIND_UPLOAD_DEADLINE)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(kinds()).doesNotContain("UPLOAD_REMINDER");
        cases.passTimeUntil(instance, CaseActivities.UPLOAD_DEADLINE_PASSED);
        assertThat(instance).isEnded().hasPassed(CaseActivities.NOT_SUBMITTED);
        assertThat(kinds()).containsOnlyOnce("UPLOAD_MISSED");
    }

    @Test
    void nothingSubmittedByTheUploadDeadlineEndsTheCase() {
        ProcessInstance instance = cases.register(applicant);

        cases.passTimeUntil(instance, CaseActivities.UPLOAD_DEADLINE_PASSED);

        assertThat(instance).isEnded().hasPassed(CaseActivities.NOTIFY_UPLOAD_MISSED, CaseActivities.NOT_SUBMITTED);
        assertThat(kinds()).contains("UPLOAD_MISSED");
        assertThat(status()).isEqualTo(CaseStatus.EXPIRED);
    }

    // --- site and final review ----------------------------------------------------------------------

    @Test
    void candidatePassesTheSiteAndTheRegionReview() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        assertThat(task(instance)).hasDefinitionKey(CaseActivities.SITE_REVIEW).hasCandidateGroup("site-3701");

        cases.siteReview(applicant, Verdict.pass());

        assertThat(instance)
                .hasPassed(CaseActivities.ASSIGN_SERIAL_NUMBER, CaseActivities.NOTIFY_SITE_PASSED)
                .isWaitingAt(CaseActivities.REGION_REVIEW);
        String serial = (String) engine.getRuntimeService().getVariable(instance.getId(), CaseVariables.SERIAL_NUMBER);
        assertThat(serial).matches("202637\\d{6}");
        assertThat(task(instance)).hasCandidateGroup("region-SHANDONG").hasDueDate(beijing("2026-04-01T00:00"));
        assertThat(latestMessage().text()).contains("序列号：" + serial);
        assertThat(status()).isEqualTo(CaseStatus.SITE_PASSED);

        cases.finalReview(applicant, Verdict.pass());

        assertThat(instance).isEnded().hasPassed(CaseActivities.NOTIFY_FINAL_PASSED, CaseActivities.FINAL_PASSED);
        assertThat(kinds()).containsExactlyInAnyOrder("SUBMITTED", "SITE_PASSED", "FINAL_PASSED");
        assertThat(cases.smsQueued(applicant))
                .containsExactly(
                        "SUBMITTED to 13800138000", "SITE_PASSED to 13800138000", "FINAL_PASSED to 13800138000");
        assertThat(status()).isEqualTo(CaseStatus.FINAL_PASSED);
    }

    @Test
    void theFinalResultIsNeverChangedAfterwards() {
        cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        cases.finalReview(applicant, Verdict.pass());

        assertThatThrownBy(() -> cases.finalReview(applicant, Verdict.notQualified("改判")))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("没有待处理的审核任务");
        assertThatThrownBy(() -> cases.change(applicant, a -> a.phone = "13900139000"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("资格审核已结束");
        assertThat(status()).isEqualTo(CaseStatus.FINAL_PASSED);
    }

    @Test
    void siteReviewerFindsTheCandidateNotQualified() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.siteReview(applicant, Verdict.notQualified("试用期考核证明非本年度出具"));

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_SITE_NOT_QUALIFIED, CaseActivities.SITE_NOT_QUALIFIED);
        assertThat(latestMessage().text()).isEqualTo("经考点资格初审，您不符合报考资格：试用期考核证明非本年度出具。");
        assertThat(status()).isEqualTo(CaseStatus.NOT_QUALIFIED);
    }

    @Test
    void regionReviewerFindsTheCandidateNotQualifiedAndThatIsFinal() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());

        cases.finalReview(applicant, Verdict.notQualified("执业许可证与报名信息不一致"));

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_FINAL_NOT_QUALIFIED, CaseActivities.FINAL_NOT_QUALIFIED);
        assertThat(latestMessage().text()).contains("考区审核为最终审核，审核结果不予修改");
    }

    @Test
    void aVerdictThatContradictsItselfIsRefused() {
        cases.submittedAndReviewOpen(applicant);

        assertThatThrownBy(() -> cases.siteReview(applicant, Verdict.notQualified(" ")))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> cases.returnMaterials(applicant, Map.of("STUDENT_ID", "请上传")))
                .hasMessageContaining("STUDENT_ID");
        assertThatThrownBy(() -> cases.siteReview(applicant, Verdict.returning(Map.of())))
                .hasMessageContaining("returns");
        assertThat(status()).isEqualTo(CaseStatus.SUBMITTED_LOCKED);
    }

    // --- returns ---------------------------------------------------------------------------------

    @Test
    void candidateReturnedTwiceThenPasses() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));

        assertThat(instance)
                .hasPassed(CaseActivities.UNLOCK_RETURNED_MATERIALS, CaseActivities.NOTIFY_RETURNED)
                .isWaitingAt(CaseActivities.RESUBMIT_MATERIALS);
        assertThat(task(instance)).isAssignedTo(applicant.candidateNo).hasDueDate(beijing("2026-03-13T00:00"));
        assertThat(unlockedMaterials()).containsExactly("DIPLOMA");
        assertThat(latestMessage().text())
                .contains("毕业证书：毕业证编号无法辨别，请重新上传。请于2026年3月12日前")
                .doesNotContain("！。");
        assertThat(status()).isEqualTo(CaseStatus.RETURNED);

        cases.resubmit(applicant, instance, "DIPLOMA");

        assertThat(instance)
                .hasPassed(
                        CaseActivities.VERIFY_RESUBMISSION,
                        CaseActivities.LOCK_RESUBMISSION,
                        CaseActivities.NOTIFY_RESUBMITTED)
                .isWaitingAt(CaseActivities.SITE_REVIEW);
        assertThat(unlockedMaterials()).isEmpty();

        cases.returnMaterials(applicant, Map.of("ID_PROOF", "手持身份证照片不清晰"));
        assertThat(unlockedMaterials()).containsExactly("ID_PROOF");
        cases.resubmit(applicant, instance, "ID_PROOF");
        cases.siteReview(applicant, Verdict.pass());
        cases.finalReview(applicant, Verdict.pass());

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.FINAL_PASSED)
                .variables()
                .containsEntry(CaseVariables.RETURN_COUNT, 2);
        assertThat(cases.smsQueued(applicant))
                .extracting(sms -> sms.split(" ")[0])
                .containsExactly(
                        "SUBMITTED",
                        "RETURNED",
                        "RESUBMITTED",
                        "RETURNED",
                        "RESUBMITTED",
                        "SITE_PASSED",
                        "FINAL_PASSED");
    }

    @Test
    void resubmittingWithoutTheReturnedMaterialIsSentBack() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));
        documents.images(applicant.candidateNo).stream()
                .filter(image -> !image.locked())
                .forEach(image -> documents.deleteUnlocked(applicant.candidateNo, image.id()));

        cases.submit(applicant);

        assertThat(instance)
                .hasPassed(CaseActivities.RESUBMISSION_INCOMPLETE)
                .isWaitingAt(CaseActivities.RESUBMIT_MATERIALS);
    }

    @Test
    void resubmittingTheReturnedImageUnchangedIsSentBack() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));

        cases.submit(applicant);

        assertThat(instance)
                .hasPassed(CaseActivities.RESUBMISSION_INCOMPLETE)
                .isWaitingAt(CaseActivities.RESUBMIT_MATERIALS)
                .variables()
                .containsEntry("notReplacedMaterials", "DIPLOMA");
        assertThat(unlockedMaterials()).containsExactly("DIPLOMA");
        assertThat(kinds()).doesNotContain("RESUBMITTED");

        cases.resubmit(applicant, instance, "DIPLOMA");

        assertThat(instance).hasPassed(CaseActivities.LOCK_RESUBMISSION).isWaitingAt(CaseActivities.SITE_REVIEW);
    }

    @Test
    void returnedCandidateIsRemindedThenMissesTheResubmissionDeadline() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));

        cases.passTimeUntil(instance, CaseActivities.RESUBMISSION_REMINDER);

        assertThat(cases.now()).isEqualTo(beijing("2026-03-10T00:00").toInstant());
        assertThat(instance)
                .hasPassed(CaseActivities.REMIND_RESUBMISSION_DEADLINE)
                .isWaitingAt(CaseActivities.RESUBMIT_MATERIALS);

        cases.passTimeUntil(instance, CaseActivities.RESUBMISSION_DEADLINE_PASSED);

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_RESUBMISSION_MISSED, CaseActivities.RESUBMISSION_MISSED);
        assertThat(latestMessage().text()).contains("视作审核不通过，放弃本年度考试");
        assertThat(status()).isEqualTo(CaseStatus.EXPIRED);
    }

    @Test
    void aResubmissionReminderThatOnlyRunsAfterTheDeadlineIsNotSent() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));
        cases.clockAt(OffsetDateTime.parse("2026-03-13T08:00:00+08:00"));

        cases.passTimeUntil(instance, CaseActivities.RESUBMISSION_REMINDER);

        assertThat(instance)
                .hasPassed(CaseActivities.RESUBMISSION_REMINDER_SKIPPED)
                .hasNotPassed(CaseActivities.REMIND_RESUBMISSION_DEADLINE)
                .isWaitingAt(CaseActivities.RESUBMIT_MATERIALS);
        assertThat(kinds()).doesNotContain("RESUBMISSION_REMINDER");
        cases.passTimeUntil(instance, CaseActivities.RESUBMISSION_DEADLINE_PASSED);
        assertThat(instance).isEnded().hasPassed(CaseActivities.RESUBMISSION_MISSED);
    }

    // --- serving military -------------------------------------------------------------------------

    @Test
    void servingMilitaryUploadNothingAndAreReviewedOfflineThenFinally() {
        applicant = Applicant.servingMilitary();
        ProcessInstance instance = cases.register(applicant);

        assertThat(instance).isWaitingAt(CaseActivities.OFFLINE_REVIEW).hasNotPassed(CaseActivities.UPLOAD_MATERIALS);
        assertThat(task(instance)).hasCandidateGroup("site-3701");
        assertThat(checklists.activeMaterials(applicant.candidateNo)).isEmpty();
        assertThat(status()).isEqualTo(CaseStatus.OFFLINE);

        cases.offlineReview(applicant, Verdict.pass());
        assertThat(instance).hasPassed(CaseActivities.ASSIGN_SERIAL_NUMBER).isWaitingAt(CaseActivities.REGION_REVIEW);
        cases.finalReview(applicant, Verdict.pass());

        assertThat(instance).isEnded().hasPassed(CaseActivities.FINAL_PASSED);
    }

    @Test
    void servingMilitaryFoundNotQualifiedOnPaper() {
        applicant = Applicant.servingMilitary();
        ProcessInstance instance = cases.register(applicant);

        cases.offlineReview(applicant, Verdict.notQualified("纸质材料不全"));

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_OFFLINE_NOT_QUALIFIED, CaseActivities.OFFLINE_NOT_QUALIFIED);
        assertThat(latestMessage().kind()).isEqualTo("NOT_QUALIFIED_OFFLINE");
    }

    // --- on-site review (辽宁: "考点对身份证异常及身份证明不匹配的考生做现场审核") ----------------------------------

    @Test
    void candidateSentToOnSiteReviewComesWithTheOriginalsAndPasses() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.siteReview(applicant, Verdict.onSite(ID_MISMATCH));

        assertThat(instance).hasPassed(CaseActivities.NOTIFY_ON_SITE_REVIEW).isWaitingAt(CaseActivities.ON_SITE_REVIEW);
        assertThat(task(instance)).hasCandidateGroup("site-3701").hasDueDate(beijing("2026-03-07T00:00"));
        assertThat(latestMessage().text()).contains(ID_MISMATCH, "2026年3月6日", "原件");
        assertThat(cases.smsQueued(applicant)).last().isEqualTo("ON_SITE_REVIEW to " + applicant.phone);
        assertThat(status()).isEqualTo(CaseStatus.ON_SITE_REVIEW);

        cases.onSiteReview(applicant, Verdict.pass());

        assertThat(instance).hasPassed(CaseActivities.ASSIGN_SERIAL_NUMBER).isWaitingAt(CaseActivities.REGION_REVIEW);
        assertThat(status()).isEqualTo(CaseStatus.SITE_PASSED);
    }

    @Test
    void onSiteReviewFindsTheCandidateNotQualified() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.onSite(ID_MISMATCH));

        cases.onSiteReview(applicant, Verdict.notQualified("身份证明与本人不符"));

        assertThat(instance)
                .isEnded()
                .hasPassed(CaseActivities.NOTIFY_ON_SITE_NOT_QUALIFIED, CaseActivities.ON_SITE_NOT_QUALIFIED);
        assertThat(latestMessage().kind()).isEqualTo("NOT_QUALIFIED_ON_SITE");
        assertThat(status()).isEqualTo(CaseStatus.NOT_QUALIFIED);
    }

    @Test
    void candidateWhoDoesNotComeToTheSiteByTheDateIsOut() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.onSite(ID_MISMATCH));

        cases.passTimeUntil(instance, CaseActivities.ON_SITE_DEADLINE_PASSED);

        assertThat(cases.now()).isEqualTo(beijing("2026-03-07T00:00").toInstant());
        assertThat(instance).isEnded().hasPassed(CaseActivities.NOTIFY_ON_SITE_MISSED, CaseActivities.ON_SITE_MISSED);
        assertThat(latestMessage().text()).contains("2026年3月6日", "视作审核不通过");
        assertThat(status()).isEqualTo(CaseStatus.EXPIRED);
    }

    @Test
    void onlyTheSiteReviewSendsToOnSiteReviewAndNeverWithoutAReason() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        assertThatThrownBy(() -> cases.siteReview(applicant, Verdict.onSite(" ")))
                .hasMessageContaining("安排现场审核须填写原因");
        cases.siteReview(applicant, Verdict.pass());
        assertThatThrownBy(() -> cases.finalReview(applicant, Verdict.onSite(ID_MISMATCH)))
                .hasMessageContaining("只有考点初审可以安排现场审核");
        assertThat(instance).isWaitingAt(CaseActivities.REGION_REVIEW);
    }

    // --- paper review when the region has no online upload, and military status changes -----------------------

    @Test
    void regionWithoutOnlineUploadSendsEveryCaseToTheSitesPaperReview() {
        applicant.region = Region.SICHUAN;
        applicant.examSite = "5101";
        applicant.examYear = campaigns.withoutOnlineUpload(Region.SICHUAN);

        ProcessInstance instance = cases.register(applicant);

        assertThat(instance).isWaitingAt(CaseActivities.OFFLINE_REVIEW).hasNotPassed(CaseActivities.UPLOAD_MATERIALS);
        assertThat(task(instance)).hasCandidateGroup("site-5101");
        assertThat(status()).isEqualTo(CaseStatus.OFFLINE);

        cases.change(applicant, a -> a.phone = "13900139000");
        assertThat(instance)
                .hasPassed(CaseActivities.PAPER_REVIEW_REQUESTED)
                .isWaitingAt(CaseActivities.OFFLINE_REVIEW);
    }

    @Test
    void candidateWhoBecomesServingMilitaryWhileUploadingIsReviewedOnPaper() {
        ProcessInstance instance = cases.register(applicant);

        becomesServingMilitary();

        assertThat(instance)
                .hasPassed(CaseActivities.UPLOAD_MOVED_TO_PAPER, CaseActivities.NOTIFY_MOVED_TO_PAPER_REVIEW)
                .isWaitingAt(CaseActivities.OFFLINE_REVIEW);
        assertThat(latestMessage().kind()).isEqualTo("MOVED_TO_PAPER_REVIEW");
        assertThat(status()).isEqualTo(CaseStatus.OFFLINE);
    }

    @Test
    void returnedCandidateWhoBecomesServingMilitaryIsReviewedOnPaper() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));

        becomesServingMilitary();

        assertThat(instance)
                .hasPassed(CaseActivities.RESUBMISSION_MOVED_TO_PAPER)
                .isWaitingAt(CaseActivities.OFFLINE_REVIEW);
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .timers()
                        .count())
                .as("the resubmission deadline no longer applies")
                .isZero();
    }

    @Test
    void lockedCaseOfANowServingCandidateLeavesTheOnlineReviewForPaper() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        becomesServingMilitary();

        assertThat(instance)
                .hasPassed(CaseActivities.SITE_REVIEW_MOVED_TO_PAPER)
                .isWaitingAt(CaseActivities.OFFLINE_REVIEW);
        cases.offlineReview(applicant, Verdict.pass());
        assertThat(instance).isWaitingAt(CaseActivities.REGION_REVIEW);
    }

    @Test
    void candidateNoLongerServingGoesBackToTheUpload() {
        applicant = Applicant.servingMilitary();
        ProcessInstance instance = cases.register(applicant);

        cases.change(applicant, a -> {
            a.militaryStatus = MilitaryStatus.NONE;
            a.idType = IdType.RESIDENT_ID;
        });

        assertThat(instance)
                .hasPassed(CaseActivities.OFFLINE_MOVED_TO_ONLINE, CaseActivities.NOTIFY_MOVED_TO_ONLINE_UPLOAD)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(message("MOVED_TO_ONLINE_UPLOAD").text()).contains("改为网上审核", "2026年2月10日");
        assertThat(checklists.requiredCodes(applicant.candidateNo)).contains("DIPLOMA");
        assertThat(status()).isEqualTo(CaseStatus.NOT_SUBMITTED);
    }

    @Test
    void servingStatusChangeAfterTheSitePassedLeavesTheCaseInTheFinalReview() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());

        becomesServingMilitary();

        assertThat(instance).hasPassed(CaseActivities.REQUEST_PAPER_REVIEW).isWaitingAt(CaseActivities.REGION_REVIEW);
        assertThat(kinds()).doesNotContain("MOVED_TO_PAPER_REVIEW");
    }

    private void becomesServingMilitary() {
        cases.change(applicant, a -> {
            a.militaryStatus = MilitaryStatus.SERVING;
            a.idType = IdType.MILITARY_ID;
        });
    }

    // --- registration changes ---------------------------------------------------------------------

    @Test
    void newlyRequiredMaterialOpensWhileTheCandidateUploads() {
        ProcessInstance instance = cases.register(applicant);

        cases.change(applicant, a -> a.foreignDegree = true);

        assertThat(instance)
                .hasPassed(
                        CaseActivities.REEVALUATE_CHECKLIST,
                        CaseActivities.NOTIFY_CHECKLIST_EXTENDED,
                        CaseActivities.NEW_MATERIALS_REQUESTED)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(checklists.requiredCodes(applicant.candidateNo)).contains("FOREIGN_DEGREE_VERIFICATION");
        assertThat(latestMessage().text()).contains("教育部留学服务中心学历认证报告");
    }

    @Test
    void lockedCaseWhoseChecklistGrewGoesBackToUploadForTheNewMaterialOnly() {
        ProcessInstance instance = cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);

        cases.change(applicant, a -> a.foreignDegree = true);

        assertThat(instance)
                .hasPassed(CaseActivities.NEW_MATERIALS_DURING_SITE_REVIEW)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        assertThat(documents.images(applicant.candidateNo)).hasSize(4).allMatch(MaterialImage::locked);
        assertThat(status()).isEqualTo(CaseStatus.NOT_SUBMITTED);

        cases.upload(applicant, "FOREIGN_DEGREE_VERIFICATION");
        cases.submit(applicant);
        assertThat(instance).isWaitingAt(CaseActivities.WAIT_FOR_REVIEW_OPENING);
    }

    @Test
    void checklistGrowingDuringTheFinalReviewSendsTheCaseBackAndTheSerialNumberStays() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        Object serial = engine.getRuntimeService().getVariable(instance.getId(), CaseVariables.SERIAL_NUMBER);

        cases.change(applicant, a -> a.foreignDegree = true);

        assertThat(instance)
                .hasPassed(CaseActivities.NEW_MATERIALS_DURING_FINAL_REVIEW)
                .isWaitingAt(CaseActivities.UPLOAD_MATERIALS);
        cases.upload(applicant, "FOREIGN_DEGREE_VERIFICATION");
        cases.submit(applicant);
        cases.passTimeUntil(instance, CaseActivities.WAIT_FOR_REVIEW_OPENING);
        cases.siteReview(applicant, Verdict.pass());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), CaseVariables.SERIAL_NUMBER))
                .isEqualTo(serial);
    }

    @Test
    void changeWithoutNewMaterialsLeavesTheCaseWhereItIs() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.change(applicant, a -> a.phone = "13900139000");
        cases.change(applicant, a -> a.phone = "13900139000");

        assertThat(instance).hasPassed(CaseActivities.CHECKLIST_UPDATED).isWaitingAt(CaseActivities.SITE_REVIEW);
        assertThat(kinds()).doesNotContain("CHECKLIST_EXTENDED");
    }

    @Test
    void materialNoLongerRequiredIsKeptButNotReviewed() {
        cases.register(applicant);
        cases.uploadRequired(applicant);

        cases.change(applicant, a -> a.institutionTier = InstitutionTier.TERTIARY_A);

        assertThat(checklists.activeMaterials(applicant.candidateNo))
                .extracting(ChecklistEntry::code)
                .doesNotContain("INSTITUTION_LICENSE");
        assertThat(documents.imageCounts(applicant.candidateNo)).containsEntry("INSTITUTION_LICENSE", 1);
    }

    @Test
    void changeThatMakesTheCandidateIneligibleEndsTheCase() {
        applicant = Applicant.liaoningGraduateFromElsewhere();
        applicant.schoolInRegion = true;
        cases.clockAt(OffsetDateTime.parse("2025-01-10T09:00:00+08:00"));
        ProcessInstance instance = cases.register(applicant);
        assertThat(instance).isWaitingAt(CaseActivities.UPLOAD_MATERIALS);

        cases.change(applicant, a -> a.schoolInRegion = false);

        assertThat(instance)
                .isEnded()
                .hasPassed(
                        CaseActivities.BECAME_INELIGIBLE,
                        CaseActivities.NOTIFY_INELIGIBLE_AFTER_CHANGE,
                        CaseActivities.INELIGIBLE_AFTER_CHANGE);
        assertThat(latestMessage().kind()).isEqualTo("NOT_QUALIFIED_ELIGIBILITY");
        assertThat(status()).isEqualTo(CaseStatus.NOT_QUALIFIED);
    }

    @Test
    void regionAndYearCannotChange() {
        cases.register(applicant);

        assertThatThrownBy(() -> cases.change(applicant, a -> a.examYear = 2027))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("考区和考试年度不能变更");
    }

    @Test
    void changedExamSiteMovesTheOpenReviewTaskToTheNewSite() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);

        cases.change(applicant, a -> a.examSite = "3702");

        assertThat(task(instance)).hasCandidateGroup("site-3702");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskCandidateGroup("site-3701")
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    // --- cancellation ----------------------------------------------------------------------------

    @Test
    void cancellingWhileUploadingEndsTheCase() {
        ProcessInstance instance = cases.register(applicant);
        cancelledTwice(instance);
    }

    @Test
    void cancellingWhileWaitingForReviewEndsTheCase() {
        ProcessInstance instance = cases.register(applicant);
        cases.uploadRequired(applicant);
        cases.submit(applicant);
        cancelledTwice(instance);
    }

    @Test
    void cancellingWhileReturnedEndsTheCase() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.returnMaterials(applicant, Map.of("DIPLOMA", DIPLOMA_UNREADABLE));
        cancelledTwice(instance);
    }

    @Test
    void cancellingAfterTheSiteReviewPassedEndsTheCase() {
        ProcessInstance instance = cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        cancelledTwice(instance);
    }

    @Test
    void cancellingDuringOfflineReviewEndsTheCase() {
        applicant = Applicant.servingMilitary();
        cancelledTwice(cases.register(applicant));
    }

    private void cancelledTwice(ProcessInstance instance) {
        cases.cancel(applicant);
        cases.cancel(applicant);

        assertThat(instance).isEnded().hasPassed(CaseActivities.NOTIFY_CANCELLED, CaseActivities.CANCELLED);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(kinds()).containsOnlyOnce("CANCELLED");
        assertThat(status()).isEqualTo(CaseStatus.CANCELLED);
        assertThatThrownBy(() -> cases.change(applicant, a -> a.phone = "13900139000"))
                .isInstanceOf(DomainException.class);
    }

    // --- small helpers -------------------------------------------------------------------------------------------

    private CaseStatus status() {
        return statuses.statusOf(applicant.candidateNo).orElseThrow();
    }

    private List<String> kinds() {
        return cases.messages(applicant).stream().map(CandidateMessage::kind).toList();
    }

    private CandidateMessage onlyMessage() {
        assertThat(cases.messages(applicant)).hasSize(1);
        return latestMessage();
    }

    private CandidateMessage latestMessage() {
        return cases.messages(applicant).get(0);
    }

    private CandidateMessage message(String kind) {
        return cases.messages(applicant).stream()
                .filter(m -> m.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private List<String> unlockedMaterials() {
        return documents.images(applicant.candidateNo).stream()
                .filter(image -> !image.locked())
                .map(MaterialImage::materialCode)
                .distinct()
                .toList();
    }

    private static Date beijing(String localDateTime) {
        return Date.from(OffsetDateTime.parse(localDateTime + ":00+08:00").toInstant());
    }
}

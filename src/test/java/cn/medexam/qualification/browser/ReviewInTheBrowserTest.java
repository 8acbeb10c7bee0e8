package cn.medexam.qualification.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.campaign.Campaign.PaperApplicationForm;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.documents.ImageRejection;
import cn.medexam.qualification.documents.MaterialImage;
import cn.medexam.qualification.documents.MaterialPhotos;
import cn.medexam.qualification.review.SerialNumbers;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.Pdfs;
import cn.medexam.qualification.support.TestCampaigns;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.system.CaseActivities;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole review as its people do it in their browsers (headless Chromium, Chinese): the candidate activates,
 * uploads and submits in Tasklist; the exam site's reviewer returns one material; the candidate re-uploads it; both
 * reviews pass; the candidate reads the result. And a serving soldier's paper review, recorded in Tasklist.
 * Screenshots of every step land in target/browser-story/&lt;test&gt;/.
 *
 * <p>The application runs on a random port with its own in-memory database, so the reviewers' lists hold only these
 * stories' candidates. Time is the engine clock, moved by the test when the review opens; nothing sleeps.
 */
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-story;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ReviewInTheBrowserTest {

    private static final String RETURN_REASON = "毕业证编号无法辨别，请重新上传！";
    private static final String CONTACT_ADDRESS = "山东省济南市历下区经十路 100 号";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter PAGE_MOMENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter PAGE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    /** The candidate's photos, as files on their computer. */
    @TempDir
    Path photos;

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    Candidates candidates;

    @Autowired
    TestUsers users;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    DocumentStore documents;

    @Autowired
    SerialNumbers serialNumbers;

    @Autowired
    TestCampaigns campaigns;

    /** The candidate whose case the test follows. */
    Applicant applicant;

    ProcessInstance instance;
    /**
     * A second candidate of site 3701, waiting in the same queue: an assistant physician applying as physician, whose
     * checklist has more materials than the first candidate's (the form must still fit the pane).
     */
    final Applicant colleague = assistantPhysician();

    /** Two candidates of the neighbouring exam site 3702, who submitted a day apart. */
    final Applicant earlyNeighbour = Applicant.shandongBachelor();

    final Applicant lateNeighbour = Applicant.shandongBachelor();

    @BeforeEach
    void uploadsAreOpen() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        browsers.serve("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void candidateReturnedOnceThenPassesBothReviews() throws IOException {
        Applicant graduate = Applicant.shandongBachelor();
        graduate.school = "山东第一医科大学";
        graduate.major = "临床医学";
        graduate.graduatedOn = java.time.LocalDate.of(2024, 6, 30);
        graduate.probationInstitution = "济南市中心医院";
        follow(graduate);
        neighboursSubmitADayApart();
        colleagueOfTheSameSiteSubmitted();
        Browser candidate = browsers.open("candidate");
        activateAndUploadEverythingButOneMaterial(candidate);
        submitRefusedUntilTheLastMaterialIsUploaded(candidate);
        reviewOpens();

        reviewerOfAnotherSiteSeesOnlyTheirSiteOldestSubmissionFirst();
        Browser siteReviewer = browsers.open("site-reviewer");
        siteReviewer.logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
        siteReviewer.viewport(1366, 900);
        siteReviewerLooksThroughTheImages(siteReviewer);
        siteReviewerReturnsTheDiplomaByKeys(siteReviewer);
        theNextCaseOpensByItselfAndPassesWithoutMouse(siteReviewer);

        candidateReuploadsTheReturnedDiploma(candidate);
        cases.passTimeUntil(instance, "waitForReviewOpening");

        siteReviewerPassesTheSecondRound(siteReviewer);
        awaitTask(CaseActivities.REGION_REVIEW);
        neighboursPassTheirSitesReview();
        Browser regionReviewer = browsers.open("region-reviewer");
        regionReviewer.logIn(TestUsers.REGION_REVIEWER, TestUsers.PASSWORD);
        regionReviewerReadsTheSitesVerdictsAndPasses(regionReviewer);
        awaitEnd();
        regionReviewerStopsTheCaseThatOpenedByItself(regionReviewer);

        candidateReadsTheFinalResult(candidate);
        clerkScansTheDownloadedNotice(candidate);
    }

    /**
     * A serving soldier's paper review in a campaign whose final pass needs the signed paper application form: the
     * site records the day it arrived in the review form (a day still to come is refused beside 登记收到), and the
     * region's final pass is then accepted.
     */
    @Test
    void servingMilitaryCandidatePassesThePaperReview() {
        Applicant soldier = Applicant.servingMilitary();
        soldier.examYear = campaigns.create(
                Region.SHANDONG, form -> form.paperApplicationForm = PaperApplicationForm.REQUIRED_FOR_FINAL_PASS);
        follow(soldier);
        Browser siteReviewer = browsers.open("site-reviewer");
        siteReviewer.logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
        new Tasklist(siteReviewer)
                .filter("本考点待初审（3701）")
                .openTask("线下审核（纸质材料）", applicant.candidateNo)
                .claim();
        ReviewForm.in(siteReviewer, applicant.candidateNo).release(); // claimed before the paper file arrived
        assertThat(assigneeOf(CaseActivities.OFFLINE_REVIEW)).isNull();
        siteReviewer.screenshot("paper-review-given-back");

        Tasklist tasks = Tasklist.openedBy(siteReviewer)
                .filter("本考点待初审（3701）")
                .openTask("线下审核（纸质材料）", applicant.candidateNo)
                .claim();
        ReviewForm form = ReviewForm.in(siteReviewer, applicant.candidateNo);

        assertThat(form.images()).isZero();
        assertThat(form.offersOutcome("RETURN")).isFalse();
        siteReviewerRecordsThePaperForm(form, siteReviewer);
        form.outcome("PASS");
        siteReviewer.screenshot("paper-review-passed");
        tasks.complete();
        form.awaitRecorded();

        awaitTask(CaseActivities.REGION_REVIEW);
        assertThat(serialNumbers.of(applicant.candidateNo)).isPresent();
        cases.finalReview(applicant, Verdict.pass()); // refused (PAPER_FORM_MISSING) had the form not been recorded
        awaitEnd();
    }

    /** 纸质申请表: the day it arrived, typed as 2026-01-14; a day after today is refused beside 登记收到. */
    private void siteReviewerRecordsThePaperForm(ReviewForm form, Browser reviewer) {
        LocalDate today = cases.now().atZone(BEIJING).toLocalDate();
        form.recordPaperForm(today.plusDays(1).toString());
        assertThat(form.paperFormError()).contains("不能晚于今天");
        assertThat(form.paperFormErrorDistanceFromItsButton()).isLessThan(60);
        reviewer.screenshot("paper-form-day-to-come-refused");
        form.recordPaperForm(today.minusDays(1).toString());
        assertThat(form.paperFormReceived())
                .isEqualTo(PAGE_DAY.format(today.minusDays(1)) + " 收到（" + TestUsers.SITE_REVIEWER + " 登记）");
        reviewer.screenshot("paper-form-recorded");
    }

    /**
     * 退出登录 from each webapp ends on the application's login page, which works again at once; Camunda's own login
     * page (#/login, where Camunda's logout and an ended session lead) hands over to it.
     */
    @Test
    void everyLogoutEndsOnTheApplicationsLoginPage() {
        Browser reviewer = browsers.open("site-reviewer");
        reviewer.logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
        reviewer.logOutOfTheWebapp();
        reviewer.screenshot("logged-out-of-tasklist");
        reviewer.logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);

        // the session ends while Tasklist is open: Camunda's own login page would open, the application's does
        reviewer.loseSession();
        reviewer.click(By.cssSelector(".task-filters .task-filter a"));
        reviewer.awaitLoginPage();
        reviewer.screenshot("session-ended-camunda-login-hands-over");
        reviewer.logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);

        Browser admin = browsers.open("admin");
        admin.logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        for (String webapp : List.of("cockpit", "admin")) {
            admin.open("/camunda/app/" + webapp + "/default/");
            admin.find(By.cssSelector("[cam-widget-header] li.account"));
            admin.logOutOfTheWebapp();
            admin.screenshot("logged-out-of-" + webapp);
            admin.logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        }
        admin.open("/camunda/app/welcome/default/");
        admin.find(By.cssSelector("[cam-widget-header] li.account"));
        admin.logOutOfTheWebapp();
    }

    /**
     * The candidate's story on a phone (390×844): the candidate page and the upload form in one column, readable
     * without zooming, the camera offered, 44 px controls; after 完成 the confirmation and the way back; 退出登录.
     */
    @Test
    void candidateOnAPhone() throws IOException {
        follow(Applicant.shandongBachelor());
        Browser phone = browsers.openPhone("candidate-phone");
        CandidateService service = CandidateService.openedBy(phone);
        service.requestCode(applicant.candidateNo, applicant.idNumber);
        phone.screenshot("activation");
        service.activate(candidates.lastCode(applicant), Candidates.PASSWORD);
        assertThat(service.dates()).matches("上传截止：\\d{4}年\\d{1,2}月\\d{1,2}日");
        assertThat(pageLayout(phone)).containsEntry("overflow", false);
        phone.screenshot("candidate-page");

        UploadForm form = service.goToUploads();
        assertThat(form.layout())
                .containsEntry("columns", 1L)
                .containsEntry("overflow", false)
                .satisfies(layout -> assertThat((Long) layout.get("narrowest")).isGreaterThan(320))
                .satisfies(layout -> assertThat(((Number) layout.get("smallestText")).doubleValue())
                        .as("smallest text, px")
                        .isGreaterThanOrEqualTo(13));
        assertThat(form.fileButtons("DIPLOMA"))
                .containsExactly("accept=image/* capture=environment shown", "accept=image/* shown");
        assertThat(form.camundaMachinery()).isEmpty();
        assertThat(form.smallTouchTargets()).isEmpty();
        phone.screenshot("upload-form");

        for (String material : List.of("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE")) {
            assertThat(form.upload(material, photo(material + ".jpg", MaterialPhotos.sharpPage(material.length()))))
                    .isEqualTo("上传成功");
        }
        phone.screenshot("everything-uploaded");
        form.submit();
        assertThat(form.confirmation()).contains("上报完成，内容已锁定", "提交锁定时间：" + latestLock(), "返回考生服务");
        phone.screenshot("submitted-confirmation");

        service = form.backToCandidatePage();
        assertThat(service.status()).contains("上报完成，内容已锁定");
        assertThat(service.offersUploads()).isFalse();
        phone.screenshot("candidate-page-submitted");
        service.logOut();
        phone.screenshot("logged-out");

        // nothing left to upload: the login leads to the candidate page, not to an empty task list
        phone.submitLogin(applicant.candidateNo, Candidates.PASSWORD);
        phone.until(driver -> phone.currentUrl().contains("/candidate.html"));
        assertThat(CandidateService.openedBy(phone).status()).contains("上报完成");
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> pageLayout(Browser browser) {
        return (java.util.Map<String, Object>)
                browser.script("return { overflow: document.documentElement.scrollWidth > window.innerWidth };");
    }

    // ----------------------------------------------------------------------------------------------- candidate

    private void activateAndUploadEverythingButOneMaterial(Browser candidate) throws IOException {
        CandidateService service = CandidateService.openedBy(candidate);
        assertThat(service.requestCode(applicant.candidateNo, applicant.idNumber))
                .contains("验证码已发送到报名手机号");
        candidate.screenshot("code-requested");
        service.activate(candidates.lastCode(applicant), Candidates.PASSWORD);
        assertThat(service.status()).contains(applicant.candidateNo).contains("未提交");
        assertThat(service.offersUploads()).isTrue();
        candidate.screenshot("activated");

        UploadForm form = service.goToUploads();
        assertThat(form.acceptsUploads("DIPLOMA")).isTrue();
        assertThat(form.camundaMachinery())
                .as("Camunda's name, banner, 创建任务, 启动流程, filter editing, priority, a second 保存")
                .isEmpty();
        assertThat(new Tasklist(candidate).offersChanges())
                .as("follow-up date, groups, 取消认领, a comment or a start offered")
                .isFalse();
        assertThat(form.smallTouchTargets()).as("controls under 44 px").isEmpty();
        candidate.screenshot("upload-task");

        assertThat(form.upload("DIPLOMA", photo("blurry-diploma.jpg", MaterialPhotos.blurryPage(1))))
                .isEqualTo(ImageRejection.BLURRY.message());
        assertThat(form.images("DIPLOMA")).isZero();
        candidate.screenshot("blurry-photo-refused");

        Path cameraPhoto = photo("diploma-from-camera.jpg", MaterialPhotos.sidewaysCameraPhoto(2));
        assertThat(Files.size(cameraPhoto)).isGreaterThan(200 * 1024);
        assertThat(form.upload("DIPLOMA", cameraPhoto)).startsWith("上传成功").contains("已按拍摄方向自动转正", "已压缩为");
        assertThat(form.images("DIPLOMA")).isOne();
        assertStoredUprightAndSmall("DIPLOMA");
        candidate.screenshot("camera-photo-turned-upright-and-shrunk");

        assertThat(form.saveContactAddress(CONTACT_ADDRESS)).isEqualTo("已保存");
        assertThat(form.upload("ID_PROOF", photo("id-card.jpg", MaterialPhotos.sharpPage(3))))
                .isEqualTo("上传成功");
        assertThat(form.upload("PROBATION_CERT", photo("probation.jpg", MaterialPhotos.sharpPage(4))))
                .isEqualTo("上传成功");
    }

    private void submitRefusedUntilTheLastMaterialIsUploaded(Browser candidate) throws IOException {
        UploadForm form = UploadForm.in(candidate);
        form.submit();
        assertThat(form.refusal()).contains("还不能提交审核", "《医疗机构执业许可证》副本或备案证");
        candidate.screenshot("submit-refused-licence-missing");
        assertThat(waitsAt()).contains(CaseActivities.UPLOAD_MATERIALS);

        assertThat(form.upload("INSTITUTION_LICENSE", photo("licence.jpg", MaterialPhotos.sharpPage(5))))
                .isEqualTo("上传成功");
        form.submit();
        assertThat(form.confirmation()).contains("上报完成，内容已锁定", "提交锁定时间：" + latestLock());
        assertThat(form.offersComplete()).isFalse();
        candidate.screenshot("submitted-confirmation");
        awaitTask(CaseActivities.WAIT_FOR_REVIEW_OPENING);

        CandidateService service = form.backToCandidatePage();
        assertThat(service.status()).contains("上报完成，内容已锁定");
        assertThat(service.dates()).isEqualTo("提交锁定时间：" + latestLock());
        candidate.screenshot("submitted-and-locked");
    }

    private void candidateReuploadsTheReturnedDiploma(Browser candidate) throws IOException {
        String firstLock = latestLock();
        CandidateService service = CandidateService.openedBy(candidate);
        assertThat(service.dates()).startsWith("补传截止：").matches("补传截止：\\d{4}年\\d{1,2}月\\d{1,2}日");
        UploadForm form = service.goToUploads();
        assertThat(form.returned()).contains("毕业证书", RETURN_REASON);
        assertThat(form.contactAddress()).isEqualTo(CONTACT_ADDRESS);
        assertThat(form.acceptsUploads("DIPLOMA")).isTrue();
        for (String untouched : new String[] {"ID_PROOF", "PROBATION_CERT", "INSTITUTION_LICENSE"}) {
            assertThat(form.isLocked(untouched)).as(untouched).isTrue();
            assertThat(form.acceptsUploads(untouched)).as(untouched).isFalse();
        }
        candidate.screenshot("diploma-returned-with-reason");

        // the returned photo unchanged is not a resubmission
        form.submit();
        assertThat(form.refusal()).contains("退回的材料还没有上传新的图片：毕业证书");
        candidate.screenshot("resubmit-refused-diploma-not-replaced");
        assertThat(waitsAt()).contains(CaseActivities.RESUBMIT_MATERIALS);

        assertThat(form.askToDeleteFirstImage("DIPLOMA")).contains("删除这张图片？");
        form.keepImage("DIPLOMA");
        assertThat(form.images("DIPLOMA")).isOne();
        form.deleteFirstImage("DIPLOMA");
        assertThat(form.upload("DIPLOMA", photo("diploma-again.jpg", MaterialPhotos.sharpPage(6))))
                .isEqualTo("上传成功");
        candidate.screenshot("diploma-uploaded-again");
        form.submit();
        assertThat(form.confirmation()).contains("补传材料已提交，内容已锁定", "提交锁定时间：" + latestLock());
        awaitTask(CaseActivities.WAIT_FOR_REVIEW_OPENING);
        assertThat(latestLock()).isNotEqualTo(firstLock);
        assertThat(form.backToCandidatePage().dates()).isEqualTo("提交锁定时间：" + latestLock());
    }

    private void candidateReadsTheFinalResult(Browser candidate) {
        CandidateService service = CandidateService.openedBy(candidate);
        String serialNumber = serialNumbers.of(applicant.candidateNo).orElseThrow();
        assertThat(service.status()).contains("终审通过（最终结果）");
        assertThat(service.offersUploads()).isFalse();
        assertThat(service.serialNumber()).isEqualTo("序列号：" + serialNumber);
        assertThat(service.messages()).contains("退回", "毕业证书");
        candidate.screenshot("final-result-with-serial-number");
    }

    /** The candidate downloads the notice; the exam-site clerk scans its QR code and sees it is genuine. */
    private void clerkScansTheDownloadedNotice(Browser candidate) throws IOException {
        CandidateService service = CandidateService.openedBy(candidate);
        assertThat(service.documents()).contains("《医师资格考试网上报名成功通知单》（PDF）");
        Path download = service.downloadNotice();
        assertThat(download.getFileName().toString()).isEqualTo("医师资格考试网上报名成功通知单-" + applicant.candidateNo + ".pdf");
        byte[] notice = Files.readAllBytes(download);
        String serialNumber = serialNumbers.of(applicant.candidateNo).orElseThrow();
        assertThat(Pdfs.text(notice)).contains(applicant.name, applicant.candidateNo, serialNumber);
        String link = Pdfs.qrCode(notice);
        assertThat(link).startsWith("http://localhost:" + port + "/verify/");

        Browser clerk = browsers.open("exam-site-clerk");
        clerk.openUrl(link);
        String page = clerk.find(By.tagName("main")).getText();
        assertThat(page)
                .contains("通知单真实有效", serialNumber, "资格审核终审通过", "3701**********1234")
                .doesNotContain(applicant.candidateNo, applicant.idNumber);
        clerk.screenshot("notice-verified");
    }

    // ----------------------------------------------------------------------------------------------- reviewers

    /**
     * The review-open timers fire; the late neighbour's task is made first, so a list by creation would show the
     * late neighbour on top.
     */
    private void reviewOpens() {
        cases.passTimeUntil(cases.instance(lateNeighbour.candidateNo), "waitForReviewOpening");
        cases.clockAt(cases.now().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
        cases.passTimeUntil(cases.instance(earlyNeighbour.candidateNo), "waitForReviewOpening");
        cases.passTimeUntil(instance, "waitForReviewOpening");
        cases.passTimeUntil(cases.instance(colleague.candidateNo), "waitForReviewOpening");
    }

    private void reviewerOfAnotherSiteSeesOnlyTheirSiteOldestSubmissionFirst() {
        Browser otherSite = browsers.open("other-site-reviewer");
        otherSite.logIn(TestUsers.OTHER_SITE_REVIEWER, TestUsers.PASSWORD);
        Tasklist tasks = new Tasklist(otherSite).filter("本考点待初审（3702）");

        assertThat(tasks.filters()).doesNotContain("3701");
        assertThat(tasks.candidates()).containsExactly(earlyNeighbour.candidateNo, lateNeighbour.candidateNo);
        assertThat(tasks.candidateNumberBrightness())
                .as("the candidate number is dark, not light grey")
                .isLessThan(80);
        assertThat(tasks.firstRowShowsEveryColumnUnfaded())
                .as("number, name, ID, round and lock time in view, no white gradient over them")
                .isTrue();
        assertThat(otherSite.statusOf("/api/review/cases/" + applicant.candidateNo))
                .isEqualTo(404);
        otherSite.screenshot("sees-only-own-site");
    }

    /**
     * Item 4 of issue 13, at 1366×900: the image opens fitted to the box, the wheel zooms around the pointer, a drag
     * pans but never past an edge, zooming out stops at the fit, 1:1 shows full resolution, full screen, and each
     * image keeps its rotation. The whole form is in view without scrolling, the registration's facts beside it.
     */
    private void siteReviewerLooksThroughTheImages(Browser reviewer) {
        new Tasklist(reviewer)
                .filter("本考点待初审（3701）")
                .openTask("考点初审", applicant.candidateNo)
                .claim();
        ReviewForm form = ReviewForm.in(reviewer, applicant.candidateNo);
        double[] viewer = form.viewerBox();
        double[] image = form.imageBox();
        reviewer.screenshot("viewer-opens-fit-to-box");
        assertThat(form.facts())
                .contains("3701**********1234", "138****8000", "执业医师 · 临床", "本科")
                .contains("山东第一医科大学", "临床医学", "2024年6月30日", "济南市中心医院")
                .doesNotContain(applicant.idNumber);
        assertThat(form.round()).contains("第 1 次初审");
        assertThat(form.images()).isEqualTo(4);
        assertThat(form.offersOutcome("ON_SITE")).isTrue();
        assertThat(form.fitsWithoutScrolling())
                .as("the form fits the pane at 1366×900")
                .isTrue();
        assertFitted(image, viewer);

        double[] before = form.imageBox();
        form.wheelOver(-80, -40, -200);
        double[] zoomed = reviewer.until(driver -> {
            double[] now = form.imageBox();
            return now[2] - now[0] > before[2] - before[0] + 1 ? now : null;
        });
        double pointerX = (viewer[0] + viewer[2]) / 2 - 80;
        double atBefore = (pointerX - before[0]) / (before[2] - before[0]);
        double atAfter = (pointerX - zoomed[0]) / (zoomed[2] - zoomed[0]);
        assertThat(atAfter)
                .as("the point under the pointer stays put")
                .isCloseTo(atBefore, org.assertj.core.data.Offset.offset(0.01));

        for (int i = 0; i < 6; i++) {
            reviewer.press("+");
        }
        for (int i = 0; i < 6; i++) {
            form.dragImage(300, 0); // together far beyond the image's left edge
        }
        double[] dragged = form.imageBox();
        assertThat(dragged[0])
                .as("the left edge stops at the box's left edge")
                .isCloseTo(viewer[0], org.assertj.core.data.Offset.offset(1.5));
        assertThat(dragged[2]).isGreaterThan(viewer[2]);
        reviewer.screenshot("viewer-zoomed-in-dragged-to-the-left-edge");
        for (int i = 0; i < 12; i++) {
            form.dragImage(-300, 0);
        }
        assertThat(form.imageBox()[2])
                .as("and the right edge at the box's right edge")
                .isCloseTo(viewer[2], org.assertj.core.data.Offset.offset(1.5));

        for (int i = 0; i < 20; i++) {
            reviewer.press("-");
        }
        assertFitted(form.imageBox(), viewer);

        form.clickTool("qr-actual");
        double[] actual = form.imageBox();
        assertThat(actual[2] - actual[0])
                .as("1:1 is the image's own resolution")
                .isCloseTo(form.imageNaturalWidth(), org.assertj.core.data.Offset.offset(1.5));
        reviewer.screenshot("viewer-at-full-resolution");
        reviewer.press("0");

        String first = form.shownImage();
        reviewer.press("t");
        assertThat(form.rotation()).isEqualTo(90);
        assertFitted(form.imageBox(), viewer);
        reviewer.press(Keys.ARROW_RIGHT);
        assertThat(form.shownImage()).isNotEqualTo(first);
        assertThat(form.rotation()).isZero();
        reviewer.press(Keys.ARROW_LEFT);
        assertThat(form.shownImage()).isEqualTo(first);
        assertThat(form.rotation()).as("the first image kept its rotation").isEqualTo(90);

        form.clickTool("qr-full");
        reviewer.until(driver -> form.viewerIsFullScreen());
        reviewer.screenshot("viewer-full-screen");
        reviewer.press("f");
        reviewer.until(driver -> !form.viewerIsFullScreen());
    }

    /** The box of a fitted image: inside the viewer, touching it on two opposite sides. */
    private static void assertFitted(double[] image, double[] viewer) {
        org.assertj.core.data.Offset<Double> pixel = org.assertj.core.data.Offset.offset(1.5);
        assertThat(image[0]).isGreaterThanOrEqualTo(viewer[0] - 1.5);
        assertThat(image[1]).isGreaterThanOrEqualTo(viewer[1] - 1.5);
        assertThat(image[2]).isLessThanOrEqualTo(viewer[2] + 1.5);
        assertThat(image[3]).isLessThanOrEqualTo(viewer[3] + 1.5);
        boolean fillsWidth =
                Math.abs(image[0] - viewer[0]) <= pixel.value && Math.abs(image[2] - viewer[2]) <= pixel.value;
        boolean fillsHeight =
                Math.abs(image[1] - viewer[1]) <= pixel.value && Math.abs(image[3] - viewer[3]) <= pixel.value;
        assertThat(fillsWidth || fillsHeight)
                .as("fitted: the image fills the box's width or height")
                .isTrue();
    }

    /** Keys 2 and R return the diploma with the focused reason; 通过 is then refused beside 完成 (item 5). */
    private void siteReviewerReturnsTheDiplomaByKeys(Browser reviewer) {
        Tasklist tasks = new Tasklist(reviewer);
        ReviewForm form = ReviewForm.in(reviewer, applicant.candidateNo);
        reviewer.press("2");
        assertThat(form.focusedMaterial()).isEqualTo("DIPLOMA");
        reviewer.press("r");
        assertThat(form.returned("DIPLOMA")).isTrue();
        assertThat(form.returnReason("DIPLOMA")).isEqualTo(RETURN_REASON);
        reviewer.until(driver -> form.reasonFocused("DIPLOMA")); // the reason picklist has the keyboard
        assertThat(form.chosenOutcome()).isEqualTo("RETURN");
        reviewer.screenshot("site-review-form");

        form.outcome("PASS");
        tasks.complete();
        assertThat(form.error()).isEqualTo("已有材料标记为退回，不能选择“通过”");
        assertThat(form.errorDistanceFromComplete())
                .as("the refusal stands beside 完成")
                .isLessThan(120);
        reviewer.screenshot("pass-refused-while-a-material-is-returned");
        assertThat(waitsAt()).contains(CaseActivities.SITE_REVIEW);

        form.outcome("RETURN");
        tasks.complete();
        form.awaitRecorded();
        reviewer.screenshot("diploma-returned");
        awaitTask(CaseActivities.RESUBMIT_MATERIALS);
    }

    /**
     * Item 2 and the review speed: after the decision the colleague's case opens by itself, claimed for the reviewer,
     * and Tasklist reports nothing (no "No matching task with id"); P and Enter pass it without the mouse; with no
     * case left the list opens, again without a message.
     */
    private void theNextCaseOpensByItselfAndPassesWithoutMouse(Browser reviewer) {
        Tasklist tasks = new Tasklist(reviewer);
        ReviewForm next = ReviewForm.in(reviewer, colleague.candidateNo);
        assertThat(taskOf(colleague, CaseActivities.SITE_REVIEW).getAssignee()).isEqualTo(TestUsers.SITE_REVIEWER);
        assertThat(tasks.notifications()).isEmpty();
        assertThat(next.openedByItself())
                .as("says it opened by itself, with 停止")
                .isTrue();
        assertThat(next.materialCount()).as("the colleague's checklist").isGreaterThanOrEqualTo(5);
        assertThat(next.fitsWithoutScrolling())
                .as("a case of five or more materials fits the pane at 1366×900")
                .isTrue();
        reviewer.screenshot("next-case-opened-by-itself");

        // 现场审核 is offered at the site's review and wants a reason the candidate reads
        next.outcome("ON_SITE");
        tasks.complete();
        assertThat(next.error()).isEqualTo("选择“现场审核”时须填写原因，例如：身份证信息异常");
        assertThat(next.errorDistanceFromComplete()).isLessThan(120);
        assertThat(taskOf(colleague, CaseActivities.SITE_REVIEW).getAssignee()).isEqualTo(TestUsers.SITE_REVIEWER);

        reviewer.press("p");
        assertThat(next.chosenOutcome()).isEqualTo("PASS");
        reviewer.press(Keys.ENTER);
        next.awaitRecorded();
        reviewer.until(
                driver -> tasks.openTaskId() == null && reviewer.shows(By.cssSelector(".task-filters .task-filter")));
        reviewer.awaitTasklist();
        assertThat(tasks.notifications()).isEmpty();
        assertThat(reviewer.shows(By.cssSelector("form.qr-review"))).isFalse();
        reviewer.screenshot("queue-empty-after-the-last-case");
        awaitCaseOf(colleague, CaseActivities.REGION_REVIEW);
    }

    /** The second round says so, names the return and highlights the new image (resubmission info). */
    private void siteReviewerPassesTheSecondRound(Browser reviewer) {
        Tasklist tasks = Tasklist.openedBy(reviewer)
                .filter("本考点待初审（3701）")
                .openTask("考点初审", applicant.candidateNo)
                .claim();
        ReviewForm form = ReviewForm.in(reviewer, applicant.candidateNo);
        assertThat(form.round()).contains("第 2 次初审");
        assertThat(form.returnedLastRound("DIPLOMA")).contains(RETURN_REASON);
        assertThat(form.newImages("DIPLOMA")).isEqualTo(1);
        assertThat(form.newImages("ID_PROOF")).isZero();
        form.note("DIPLOMA", "新图片毕业证编号清晰").outcome("PASS");
        reviewer.screenshot("site-passes-the-second-round");
        tasks.complete();
        form.awaitRecorded();
    }

    /**
     * The region reads the site's pass and its note per material; after the pass the next case of its list (the one
     * its site passed first, the colleague's, though the neighbours submitted earlier) opens by itself, claimed for
     * the reviewer.
     */
    private void regionReviewerReadsTheSitesVerdictsAndPasses(Browser reviewer) {
        Tasklist tasks = Tasklist.openedBy(reviewer)
                .filter("考区待终审（山东）")
                .openTask("考区终审", applicant.candidateNo)
                .claim();
        ReviewForm form = ReviewForm.in(reviewer, applicant.candidateNo);
        assertThat(form.round()).contains("考点初审通过", TestUsers.SITE_REVIEWER, "共退回 1 次");
        assertThat(form.siteVerdict("DIPLOMA")).contains("合格", "新图片毕业证编号清晰");
        assertThat(form.siteVerdict("ID_PROOF")).isEqualTo("考点：合格");
        assertThat(form.offersOutcome("ON_SITE")).isFalse();
        form.outcome("PASS");
        reviewer.screenshot("region-passes");
        tasks.complete();
        form.awaitRecorded();
        ReviewForm.in(reviewer, colleague.candidateNo);
        assertThat(taskOf(colleague, CaseActivities.REGION_REVIEW).getAssignee())
                .isEqualTo(TestUsers.REGION_REVIEWER);
        assertThat(tasks.notifications()).isEmpty();
    }

    /**
     * 停止 on the case that opened by itself: it goes back to the list unclaimed, and from then on a decision opens
     * the list, not the next case, though cases wait (the colleague and the late neighbour).
     */
    private void regionReviewerStopsTheCaseThatOpenedByItself(Browser reviewer) {
        Tasklist tasks = new Tasklist(reviewer);
        ReviewForm opened = ReviewForm.in(reviewer, colleague.candidateNo);
        assertThat(opened.openedByItself()).isTrue();
        reviewer.screenshot("region-case-opened-by-itself");
        opened.stopOpeningByItself();
        reviewer.until(driver -> tasks.openTaskId() == null);
        awaitUnclaimed(colleague, CaseActivities.REGION_REVIEW);

        tasks.filter("考区待终审（山东）").openTask("考区终审", earlyNeighbour.candidateNo).claim();
        ReviewForm form = ReviewForm.in(reviewer, earlyNeighbour.candidateNo);
        assertThat(form.openedByItself()).as("opened from the list").isFalse();
        assertThat(reviewer.find(By.cssSelector("form.qr-review input.qr-auto-next"))
                        .isSelected())
                .as("提交后自动打开下一位, switched off by 停止")
                .isFalse();
        form.outcome("PASS");
        tasks.complete();
        form.awaitRecorded();
        reviewer.until(driver -> tasks.openTaskId() == null);
        reviewer.awaitTasklist();
        assertThat(tasks.notifications()).isEmpty();
        assertThat(reviewer.shows(By.cssSelector("form.qr-review"))).isFalse();
        awaitDecided(earlyNeighbour, CaseActivities.REGION_REVIEW);
        assertThat(taskOf(colleague, CaseActivities.REGION_REVIEW).getAssignee())
                .isNull();
        assertThat(taskOf(lateNeighbour, CaseActivities.REGION_REVIEW).getAssignee())
                .isNull();
        reviewer.screenshot("region-list-after-stopping");
    }

    /** The neighbours' site (3702) passes them, outside the story's browsers: they wait for the region too. */
    private void neighboursPassTheirSitesReview() {
        for (Applicant neighbour : List.of(earlyNeighbour, lateNeighbour)) {
            cases.siteReview(neighbour, Verdict.pass());
            awaitCaseOf(neighbour, CaseActivities.REGION_REVIEW);
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** The registration system registers the candidate. */
    private void follow(Applicant candidate) {
        applicant = candidate;
        instance = cases.register(candidate);
    }

    private void neighboursSubmitADayApart() {
        for (Applicant neighbour : List.of(earlyNeighbour, lateNeighbour)) {
            neighbour.examSite = "3702";
            cases.register(neighbour);
            cases.uploadRequired(neighbour);
            cases.submit(neighbour);
            cases.clockAt(CaseDriver.DURING_UPLOAD.plusDays(1));
        }
    }

    private void colleagueOfTheSameSiteSubmitted() {
        cases.register(colleague);
        cases.uploadRequired(colleague);
        cases.submit(colleague);
    }

    private org.camunda.bpm.engine.task.Task taskOf(Applicant candidate, String taskKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(candidate.candidateNo)
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    private void awaitCaseOf(Applicant candidate, String taskKey) {
        awaitTaskOf(candidate, taskKey, "to wait at", java.util.Objects::nonNull);
    }

    private void awaitUnclaimed(Applicant candidate, String taskKey) {
        awaitTaskOf(candidate, taskKey, "unclaimed at", task -> task != null && task.getAssignee() == null);
    }

    private void awaitDecided(Applicant candidate, String taskKey) {
        awaitTaskOf(candidate, taskKey, "past", java.util.Objects::isNull);
    }

    private void awaitTaskOf(
            Applicant candidate,
            String taskKey,
            String expectation,
            Predicate<org.camunda.bpm.engine.task.Task> arrived) {
        new FluentWait<>(this)
                .withTimeout(Browser.PATIENCE)
                .pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "case " + candidate.candidateNo + " " + expectation + " " + taskKey)
                .until(story -> arrived.test(story.taskOf(candidate, taskKey)));
    }

    private Path photo(String name, byte[] bytes) throws IOException {
        return Files.write(photos.resolve(name), bytes);
    }

    /** The photo as the server kept it: turned upright (a portrait page) and under 200 KB, without EXIF. */
    private void assertStoredUprightAndSmall(String material) throws IOException {
        MaterialImage stored = documents.images(applicant.candidateNo).stream()
                .filter(image -> image.materialCode().equals(material))
                .findFirst()
                .orElseThrow();
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(
                documents.content(applicant.candidateNo, stored.id()).orElseThrow()));
        assertThat(stored.bytes()).isLessThanOrEqualTo(200 * 1024);
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
    }

    /** The case's latest lock time as every page writes dates: 2026年2月27日 00:01. */
    private String latestLock() {
        return documents.images(applicant.candidateNo).stream()
                .map(MaterialImage::lockedAt)
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder())
                .map(at -> PAGE_MOMENT.format(at.atZone(BEIJING)))
                .orElseThrow();
    }

    private String assigneeOf(String taskKey) {
        return taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult()
                .getAssignee();
    }

    /** Where the case waits now: a user task, a timer, or nowhere once it has ended. */
    private List<String> waitsAt() {
        boolean running = runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count()
                > 0;
        return running ? runtimeService.getActiveActivityIds(instance.getId()) : List.of();
    }

    /** The browser's request reaches the engine a moment after the click: wait for the case to get there. */
    private void awaitTask(String activity) {
        awaitCase("to wait at " + activity, waiting -> waiting.contains(activity));
    }

    private void awaitEnd() {
        awaitCase("to end", List::isEmpty);
    }

    private void awaitCase(String expectation, Predicate<List<String>> arrived) {
        new FluentWait<>(this)
                .withTimeout(Browser.PATIENCE)
                .pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "case " + applicant.candidateNo + " " + expectation + "; it waits at " + waitsAt())
                .until(story -> arrived.test(story.waitsAt()));
    }

    private static Applicant assistantPhysician() {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.holdsAssistantQualification = true;
        applicant.assistantRegisteredOn = LocalDate.of(2023, 3, 1);
        return applicant;
    }
}

package cn.medexam.qualification.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The exam office's progress page in headless Chromium, in Chinese: two sites' cases in several states, the
 * stacked bars per site, the daily chart, the per-site lists one click away, the reviewers' workload. The
 * screenshot lands in target/browser-story/officeSeesTheProgressOfEachSite/.
 */
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:progress-page;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ProgressPageInTheBrowserTest {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    Checklists checklists;

    @Autowired
    TaskService taskService;

    @BeforeEach
    void campaignUnderWay() {
        users.ensureExist();
        browsers.serve("http://localhost:" + port);
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        for (int i = 0; i < 3; i++) {
            cases.register(at("3701"));
            cases.register(at("3702"));
        }
        cases.clockAt(CaseDriver.DURING_UPLOAD.plusDays(2));
        for (int i = 0; i < 4; i++) {
            cases.submittedAndReviewOpen(at("3701"));
        }
        cases.clockAt(CaseDriver.DURING_UPLOAD.plusDays(5));
        ProcessInstance first = null;
        for (int i = 0; i < 6; i++) {
            Applicant applicant = at(i % 2 == 0 ? "3701" : "3702");
            ProcessInstance instance = cases.register(applicant);
            cases.uploadRequired(applicant);
            cases.submit(applicant);
            cases.passTimeUntil(instance, "waitForReviewOpening");
            switch (i) {
                case 0, 1 -> cases.siteReview(applicant, Verdict.pass());
                case 2 -> {
                    cases.siteReview(applicant, Verdict.pass());
                    cases.finalReview(applicant, Verdict.pass());
                }
                case 3 ->
                    cases.returnMaterials(
                            applicant,
                            Map.of(
                                    checklists
                                            .requiredCodes(applicant.candidateNo)
                                            .get(0),
                                    "图片不清晰，请重新上传"));
                case 4 -> cases.siteReview(applicant, Verdict.notQualified("试用期考核证明非本年度出具"));
                default -> first = instance;
            }
        }
        cases.register(military("3702"));
        cases.cancel(registered(at("3702")));
        taskService.claim(
                taskService
                        .createTaskQuery()
                        .processInstanceId(first.getId())
                        .singleResult()
                        .getId(),
                TestUsers.OTHER_SITE_REVIEWER);
        cases.clockAt(CaseDriver.DURING_UPLOAD.plusDays(45));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void officeSeesTheProgressOfEachSite() {
        Browser office = browsers.open("office");
        office.logIn(TestUsers.ADMIN, TestUsers.PASSWORD);
        office.open("/admin/progress.html?region=SHANDONG&year=2026");
        office.find(By.cssSelector("body[data-loaded=true]"));
        office.find(By.cssSelector("#sitesChart canvas"));
        office.find(By.cssSelector("#dailyChart canvas"));
        assertThat(office.waitForText(By.id("sitesTable"), "济南考点（3701）")).contains("青岛考点（3702）");
        assertThat(office.find(By.cssSelector("#totals")).getText()).contains("考生总数", "已退回", "终审通过");
        office.find(By.cssSelector("#workload h3"));
        assertThat(office.find(By.id("workload")).getText()).contains(TestUsers.OTHER_SITE_REVIEWER);
        String list = office.find(By.cssSelector("#sitesTable tr[data-site='3701'] a"))
                .getAttribute("href");
        assertThat(list).contains("/api/admin/cases.csv?region=SHANDONG&year=2026&site=3701");
        assertThat(office.statusOf(list.substring(list.indexOf("/api/")))).isEqualTo(200);
        office.screenshot("progress");
        office.scrollTo(By.id("workload"));
        office.screenshot("workload");
    }

    private Applicant registered(Applicant applicant) {
        cases.register(applicant);
        return applicant;
    }

    private static Applicant at(String site) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examSite = site;
        return applicant;
    }

    private static Applicant military(String site) {
        Applicant applicant = Applicant.servingMilitary();
        applicant.examSite = site;
        return applicant;
    }
}

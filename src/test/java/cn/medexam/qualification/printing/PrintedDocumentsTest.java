package cn.medexam.qualification.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.checklist.ChecklistEntry;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.review.SerialNumbers;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.CjkFontAvailable;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.Pdfs;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A candidate prints the forms and the registration notice through /api/me/documents; the PDFs are read back (text,
 * fonts, the QR code), and the notice's QR code leads to the public check.
 */
@EngineTest
@AutoConfigureMockMvc
@ExtendWith(CjkFontAvailable.class)
class PrintedDocumentsTest {

    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*=UTF-8''([^;]+)");

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    Checklists checklists;

    @Autowired
    SerialNumbers serialNumbers;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void activatedGraduatingCandidate() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        applicant.name = "李娜";
        applicant.idNumber = "370102199203150026";
        applicant.graduatingThisYear = true;
        candidates.activated(applicant);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theListHasEveryKindWithTheChecklistsFormsFirst() throws Exception {
        JsonNode list = api.call(get("/api/me/documents"), applicant.candidateNo, Candidates.PASSWORD, 200);

        List<String> kinds = new ArrayList<>();
        list.forEach(d -> kinds.add(d.path("kind").asText()));
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "PROBATION_CERT_FORM",
                        "PRACTICE_PERIOD_CERT_FORM",
                        "GRADUATE_COMMITMENT_FORM",
                        "REGISTRATION_NOTICE");
        List<String> needed = checklists.activeMaterials(applicant.candidateNo).stream()
                .map(ChecklistEntry::code)
                .toList();
        assertThat(needed).contains("PROBATION_CERT", "GRADUATE_COMMITMENT").doesNotContain("PRACTICE_PERIOD_CERT");
        assertThat(kinds.subList(0, 2)).containsExactly("PROBATION_CERT_FORM", "GRADUATE_COMMITMENT_FORM");
        for (JsonNode document : list) {
            assertThat(document.properties())
                    .extracting(e -> e.getKey())
                    .containsExactly("kind", "name", "available", "reason");
            boolean notice = document.path("kind").asText().equals("REGISTRATION_NOTICE");
            assertThat(document.path("available").asBoolean()).isEqualTo(!notice);
            assertThat(document.path("reason").isNull()).isEqualTo(!notice);
        }
        assertThat(list.get(0).path("name").asText()).isEqualTo("医师资格考试试用期考核证明");
        assertThat(list.get(3).path("reason").asText()).contains("考点资格初审尚未通过");
    }

    @Test
    void theProbationCertificateHasTheSeedsFieldsFilledFromTheRegistration() throws Exception {
        MockHttpServletResponse response = pdf("PROBATION_CERT_FORM", 200);

        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(fileName(response)).isEqualTo("医师资格考试试用期考核证明-" + applicant.candidateNo + ".pdf");
        byte[] pdf = response.getContentAsByteArray();
        Pdfs.keep("probation-cert-form", pdf);
        String text = Pdfs.text(pdf);
        assertThat(text)
                .contains("医师资格考试试用期考核证明", "李娜", applicant.candidateNo, "370102199203150026")
                .contains("1992年03月", "女", "本科", "临床执业医师");
        assertThat(squeezed(text))
                .contains(
                        "姓名",
                        "性别",
                        "出生年月",
                        "民族",
                        "所学专业",
                        "医学学历",
                        "取得学历年月",
                        "有效身份证件号码",
                        "证件有效期",
                        "报考类别",
                        "试用机构",
                        "名称",
                        "地址",
                        "邮编",
                        "登记号",
                        "法人姓名",
                        "试用起止时间",
                        "主要试用岗位(科室)",
                        "岗位(科室)名称",
                        "带教老师评价",
                        "合格",
                        "不合格",
                        "医师执业证书号码",
                        "带教老师签字",
                        "试用机构考核意见",
                        "我单位承诺：本表内容及所附材料真实、合法、有效。",
                        "单位法人代表/法定代表人签字",
                        "（单位公章）",
                        "军队考生须提交团级以上卫生部门的审核证明",
                        "本表栏目空间不够填写，可另附页");
        assertThat(Pdfs.fonts(pdf)).isNotEmpty().allMatch(font -> font.endsWith("embedded=true"));
        assertThat(Pdfs.pages(pdf)).isEqualTo(1);
    }

    @Test
    void thePracticePeriodCertificateAndTheCommitmentLetterToo() throws Exception {
        byte[] practice = pdf("PRACTICE_PERIOD_CERT_FORM", 200).getContentAsByteArray();
        Pdfs.keep("practice-period-cert-form", practice);
        assertThat(squeezed(Pdfs.text(practice)))
                .contains(
                        "执业助理医师报考执业医师执业期考核证明",
                        "李娜",
                        applicant.candidateNo,
                        "370102199203150026",
                        "执业助理医师资格证书编号",
                        "执业助理医师执业证书编号",
                        "工作机构",
                        "工作起止时间",
                        "主要工作岗位(科室)",
                        "带教执业医师执业证书号码",
                        "工作机构考核意见");
        assertThat(Pdfs.pages(practice)).isEqualTo(1);

        MockHttpServletResponse commitment = pdf("GRADUATE_COMMITMENT_FORM", 200);
        assertThat(fileName(commitment)).isEqualTo("应届医学专业毕业生医师资格考试报考承诺书-" + applicant.candidateNo + ".pdf");
        byte[] letter = commitment.getContentAsByteArray();
        Pdfs.keep("graduate-commitment-form", letter);
        assertThat(squeezed(Pdfs.text(letter)))
                .contains(
                        "应届医学专业毕业生医师资格考试报考承诺书",
                        "李娜",
                        applicant.candidateNo,
                        "本人承诺将于今年医学综合笔试前，将后续试用累计满一年的《医师资格考试试用期考核证明》及时交考点办公室。",
                        "考生签字：",
                        "有效身份证明号码：370102199203150026",
                        "手机号码：" + applicant.phone);
        assertThat(Pdfs.fonts(letter)).allMatch(font -> font.endsWith("embedded=true"));
    }

    @Test
    void theNoticeBeforeTheSitePassedIsRefused() throws Exception {
        JsonNode refused = api.call(
                get("/api/me/documents/REGISTRATION_NOTICE.pdf"), applicant.candidateNo, Candidates.PASSWORD, 409);

        assertThat(refused.path("code").asText()).isEqualTo("NOTICE_NOT_AVAILABLE");
        assertThat(refused.path("message").asText()).contains("考点资格初审尚未通过");
    }

    @Test
    void anUnknownKindIsNotFound() throws Exception {
        api.call(get("/api/me/documents/DIPLOMA.pdf"), applicant.candidateNo, Candidates.PASSWORD, 404);
        api.call(get("/api/me/documents/probation_cert_form.pdf"), applicant.candidateNo, Candidates.PASSWORD, 404);
    }

    @Test
    void onlyCandidatesPrint() throws Exception {
        api.anonymous(get("/api/me/documents"), 401);
        api.anonymous(get("/api/me/documents/PROBATION_CERT_FORM.pdf"), 401);
    }

    @Test
    void theNoticeOfAPassedSiteReviewCarriesTheSerialNumberAndAQrCodeToItsCheck() throws Exception {
        cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        String serial = serialNumbers.of(applicant.candidateNo).orElseThrow();

        JsonNode list = api.call(get("/api/me/documents"), applicant.candidateNo, Candidates.PASSWORD, 200);
        assertThat(list.findValues("kind").stream().map(JsonNode::asText).toList())
                .contains("REGISTRATION_NOTICE");
        for (JsonNode document : list) {
            assertThat(document.path("available").asBoolean()).isTrue();
        }
        MockHttpServletResponse response = pdf("REGISTRATION_NOTICE", 200);

        assertThat(fileName(response)).isEqualTo("医师资格考试网上报名成功通知单-" + applicant.candidateNo + ".pdf");
        byte[] notice = response.getContentAsByteArray();
        Pdfs.keep("registration-notice", notice);
        String text = Pdfs.text(notice);
        assertThat(text)
                .contains("医师资格考试网上报名成功通知单", "李娜", applicant.candidateNo, "370102199203150026", serial)
                .contains("考点资格初审通过", "山东考区", "临床执业医师");
        assertThat(Pdfs.fonts(notice)).allMatch(font -> font.endsWith("embedded=true"));
        String link = Pdfs.qrCode(notice);
        assertThat(link).matches("http://localhost/verify/[0-9A-HJKMNP-TV-Z]{16}");
        String code = link.substring(link.lastIndexOf('/') + 1);
        assertThat(squeezed(text)).contains(NoticePdf.grouped(code), link);

        byte[] again = pdf("REGISTRATION_NOTICE", 200).getContentAsByteArray();
        assertThat(Pdfs.qrCode(again)).as("every print carries the same code").isEqualTo(link);

        String page = verifyPage(code, 200);
        assertThat(page).contains("通知单真实有效", "李*", "3701**********0026", serial, "考点资格初审通过");

        cases.finalReview(applicant, Verdict.pass());
        assertThat(verifyPage(code, 200)).contains("通知单真实有效", "资格审核终审通过");
    }

    @Test
    void aNoticeWhoseCaseWasNotQualifiedAfterwardsIsGenuineButNoLongerValid() throws Exception {
        cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        String code = codeOf(pdf("REGISTRATION_NOTICE", 200).getContentAsByteArray());

        cases.finalReview(applicant, Verdict.notQualified("学历不符合报考要求"));

        assertThat(verifyPage(code, 200)).contains("已失效", "资格审核不通过").doesNotContain("真实有效");
        JsonNode refused = api.call(
                get("/api/me/documents/REGISTRATION_NOTICE.pdf"), applicant.candidateNo, Candidates.PASSWORD, 409);
        assertThat(refused.path("message").asText()).contains("资格审核不通过");
    }

    @Test
    void theCheckShowsTheMaskedNameAndIdTheSerialNumberAndTheStatusNothingMore() throws Exception {
        cases.submittedAndReviewOpen(applicant);
        cases.siteReview(applicant, Verdict.pass());
        String code = codeOf(pdf("REGISTRATION_NOTICE", 200).getContentAsByteArray());

        MockHttpServletResponse response =
                api.perform(get("/verify/" + code), 200).getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .doesNotContain(applicant.candidateNo, "李娜", "370102199203150026", applicant.phone, "199203", "3701</")
                .doesNotContain("<script", "考点：", "手机");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        // typed as a person reads it: grouped, lower case, with look-alikes
        assertThat(api.perform(get("/verify/" + NoticePdf.grouped(code).toLowerCase()), 200)
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("通知单真实有效");
        MockHttpServletResponse typed = api.perform(get("/verify").param("code", NoticePdf.grouped(code)), 303)
                .getResponse();
        assertThat(typed.getHeader("Location")).isEqualTo("verify/" + code);
        assertThat(api.perform(get("/verify"), 200).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("核验码");
    }

    @Test
    void anyOtherCodeLearnsOnlyThatItIsNoNotice() throws Exception {
        String unknown = verifyPage("0000000000000000", 404);
        assertThat(verifyPage("not-a-code", 404)).isEqualTo(unknown);
        assertThat(verifyPage("UUUUUUUUUUUUUUUU", 404)).isEqualTo(unknown);
        assertThat(verifyPage("<b>x", 404)).isEqualTo(unknown);
        assertThat(unknown).contains("核验码无效").doesNotContain("<dl>");
        api.perform(get("/verify/0000000000000000/more"), 404);
    }

    @Test
    void oneAddressGetsSixtyChecksAMinuteThenAChineseRefusal() throws Exception {
        String address = "127.30.0.1";
        for (int i = 0; i < VerifyController.CHECKS_PER_ADDRESS; i++) {
            api.perform(get("/verify/0000000000000000").with(Candidates.fromAddress(address)), 404);
        }
        MockHttpServletResponse refused = api.perform(
                        get("/verify/0000000000000000").with(Candidates.fromAddress(address)), 429)
                .getResponse();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("核验请求过于频繁，请 1 分钟后再试");
        cases.clockAt(CaseDriver.DURING_UPLOAD.plusMinutes(1));
        api.perform(get("/verify/0000000000000000").with(Candidates.fromAddress(address)), 404);
    }

    private MockHttpServletResponse pdf(String kind, int status) throws Exception {
        return api.perform(
                        get("/api/me/documents/" + kind + ".pdf")
                                .with(httpBasic(applicant.candidateNo, Candidates.PASSWORD)),
                        status)
                .getResponse();
    }

    private String verifyPage(String code, int status) throws Exception {
        MockHttpServletResponse page =
                api.perform(get("/verify/" + code), status).getResponse();
        assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    static String codeOf(byte[] notice) {
        String link = Pdfs.qrCode(notice);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The Chinese file name of a Content-Disposition: attachment with filename*. */
    static String fileName(MockHttpServletResponse response) {
        String disposition = response.getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment;");
        Matcher star = FILENAME_STAR.matcher(disposition);
        assertThat(star.find()).as(disposition).isTrue();
        return URLDecoder.decode(star.group(1), StandardCharsets.UTF_8);
    }

    /** The text without the spaces and line breaks the layout puts between characters. */
    static String squeezed(String text) {
        return text.replaceAll("[\\s　]+", "");
    }
}

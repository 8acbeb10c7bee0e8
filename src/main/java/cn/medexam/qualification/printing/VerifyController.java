package cn.medexam.qualification.printing;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.Masking;
import cn.medexam.qualification.system.PerAddressLimit;
import cn.medexam.qualification.system.ReviewProperties;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 通知单核验, public: an exam-site clerk scans the notice's QR code (or types its short code) and sees whether the
 * notice is genuine and current — the masked name and ID number, the serial number and the review status, nothing
 * more (no candidate number, no phone, no site). A code that is not a notice's says only that. Plain server-made
 * HTML with the application's strict policy (no script); never cached, never sent on as a referrer.
 */
@RestController
class VerifyController {

    /** Per client address: a clerk checks one notice every few seconds; a site's clerks may share an address. */
    static final int CHECKS_PER_ADDRESS = 60;

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final NoticeCodes notices;
    private final Registrations registrations;
    private final CaseStatusResolver statuses;
    private final EngineClock clock;
    private final ReviewProperties properties;
    private final PerAddressLimit limit;

    VerifyController(
            NoticeCodes notices,
            Registrations registrations,
            CaseStatusResolver statuses,
            EngineClock clock,
            ReviewProperties properties) {
        this.notices = notices;
        this.registrations = registrations;
        this.statuses = statuses;
        this.clock = clock;
        this.properties = properties;
        this.limit = new PerAddressLimit(CHECKS_PER_ADDRESS, WINDOW, clock);
    }

    /** The page to type a short code into; with {@code ?code=} it goes on to that code's page. */
    @ApiResponse(responseCode = "200", description = "输入核验码的页面（HTML）", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "303", description = "带 ?code= 时转到该核验码的页面")
    @GetMapping("/verify")
    ResponseEntity<String> form(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            String normalized = NoticeCodes.normalized(code);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header("Location", "verify/" + (normalized == null ? "invalid" : normalized))
                    .headers(h -> h.setCacheControl(CacheControl.noStore()))
                    .build();
        }
        return page(HttpStatus.OK, "通知单核验", """
                <p>请输入《医师资格考试网上报名成功通知单》上的核验码（16 位，可含“-”），或直接扫描通知单上的二维码。</p>
                <form method="get" action="verify">
                  <label for="code">核验码</label>
                  <input id="code" name="code" autocomplete="off" maxlength="40" placeholder="如 7K3M-Q9TD-2WHB-8RBC">
                  <button type="submit">核验</button>
                </form>""");
    }

    @ApiResponse(
            responseCode = "200",
            description = "核验结果（HTML）：真实有效，或已签发但已失效",
            content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "不是本系统签发的通知单（HTML）", content = @Content(mediaType = "text/html"))
    @ApiResponse(
            responseCode = "429",
            description = "同一地址每分钟超过 60 次（HTML）",
            content = @Content(mediaType = "text/html"))
    @GetMapping("/verify/{code}")
    ResponseEntity<String> verify(@PathVariable String code, HttpServletRequest request) {
        OptionalLong wait = limit.count(request.getRemoteAddr());
        if (wait.isPresent()) {
            return page(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "核验过于频繁",
                    "<p class=\"invalid\">来自您所在网络的核验请求过于频繁，请 " + wait.getAsLong() + " 分钟后再试。</p>");
        }
        Optional<NoticeCodes.Notice> notice = notices.byCode(code);
        Optional<Registration> registration = notice.flatMap(n -> registrations.find(n.candidateNo()));
        if (notice.isEmpty() || registration.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "未找到该通知单", """
                    <p class="invalid">核验码无效：本系统没有签发过该通知单。</p>
                    <p>请核对核验码是否输入正确；二维码或核验码无法核验的通知单，不能作为报名成功的凭证。</p>""");
        }
        CaseStatus status = statuses.statusOf(notice.get().candidateNo()).orElse(null);
        boolean current = status == CaseStatus.SITE_PASSED || status == CaseStatus.FINAL_PASSED;
        String verdict = current
                ? "<p class=\"valid\">通知单真实有效</p>"
                : "<p class=\"invalid\">通知单为本系统签发，但已失效：" + escape(notCurrent(status)) + "</p>";
        return page(
                HttpStatus.OK,
                "通知单核验结果",
                verdict
                        + "<dl>"
                        + "<dt>姓名</dt><dd>"
                        + escape(maskedName(registration.get().name())) + "</dd>"
                        + "<dt>证件号码</dt><dd>"
                        + escape(Masking.idNumber(registration.get().idNumber())) + "</dd>"
                        + "<dt>序列号</dt><dd>" + escape(notice.get().serial()) + "</dd>"
                        + "<dt>审核状态</dt><dd>" + escape(statusText(status)) + "</dd>"
                        + "</dl>"
                        + "<p class=\"note\">核验时间："
                        + clock.now().atZone(properties.timeZone()).format(CHECKED_AT)
                        + "（北京时间）。请核对考生所持证件与以上信息一致。</p>");
    }

    /** 李*, 欧阳**: the surname's first character only. */
    static String maskedName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    private static String statusText(CaseStatus status) {
        if (status == null) {
            return "未知";
        }
        return switch (status) {
            case SITE_PASSED -> "考点资格初审通过，等待考区终审";
            case FINAL_PASSED -> "资格审核终审通过";
            case NOT_QUALIFIED -> "资格审核不通过";
            case EXPIRED -> "逾期未提交，审核已结束";
            case CANCELLED -> "已取消报名";
            case NOT_SUBMITTED, RETURNED -> "报名信息或材料变更，待重新提交审核";
            case SUBMITTED_LOCKED, OFFLINE, ON_SITE_REVIEW -> "正在重新审核";
        };
    }

    private static String notCurrent(CaseStatus status) {
        return status == null ? "审核状态未知" : statusText(status);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex, nofollow">
                  <link rel="icon" href="data:,">
                  <title>%s — 医师资格考试网上报名成功通知单核验</title>
                  <link rel="stylesheet" href="%s">
                </head>
                <body>
                <main>
                  <h1>医师资格考试网上报名成功通知单核验</h1>
                  <section>
                    <h2>%s</h2>
                %s
                  </section>
                </main>
                </body>
                </html>
                """.formatted(escape(title), "/css/verify.css", escape(title), body);
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}

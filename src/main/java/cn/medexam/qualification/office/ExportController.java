package cn.medexam.qualification.office;

import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.EngineClock;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's lists as CSV downloads, in the caller's part of the campaign ({@link OfficeAccess}). Phone numbers
 * are masked unless an administrator asks for {@code phones=full}; every export is recorded in {@code case_export}
 * (who, when, filter) and administrators list them at {@code GET /api/admin/exports}.
 */
@RestController
class ExportController {

    private final OfficeAccess access;
    private final CaseExports exports;
    private final JdbcTemplate jdbc;
    private final EngineClock clock;

    ExportController(OfficeAccess access, CaseExports exports, JdbcTemplate jdbc, EngineClock clock) {
        this.access = access;
        this.exports = exports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    interface Export {
        int write(CaseExports.Filter filter, java.io.OutputStream out) throws IOException;
    }

    @ApiResponse(
            responseCode = "200",
            description = "CSV（UTF-8，带 BOM）：每位考生一行",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", description = "BAD_PHONES：phones 只能是 full 或 masked；BAD_STATUS：未知的状态")
    @ApiResponse(responseCode = "403", description = "FULL_PHONES_FOR_ADMINISTRATORS：只有考区管理员可以导出完整手机号")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核或考点，或无权查看")
    @GetMapping("/api/admin/cases.csv")
    void cases(
            @RequestParam String region,
            @RequestParam int year,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String phones,
            Authentication caller,
            HttpServletResponse response)
            throws IOException {
        export("CASES", region, year, site, status(status), phones, caller, response, exports::cases);
    }

    @ApiResponse(
            responseCode = "200",
            description = "CSV（UTF-8，带 BOM）：已通过初审考生的序列号",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", description = "BAD_PHONES：phones 只能是 full 或 masked")
    @ApiResponse(responseCode = "403", description = "FULL_PHONES_FOR_ADMINISTRATORS：只有考区管理员可以导出完整手机号")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核或考点，或无权查看")
    @GetMapping("/api/admin/serial-numbers.csv")
    void serialNumbers(
            @RequestParam String region,
            @RequestParam int year,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String phones,
            Authentication caller,
            HttpServletResponse response)
            throws IOException {
        export("SERIAL_NUMBERS", region, year, site, null, phones, caller, response, exports::serialNumbers);
    }

    @ApiResponse(
            responseCode = "200",
            description = "CSV（UTF-8，带 BOM）：被退回待重新提交的考生，含原因与截止时间",
            content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "400", description = "BAD_PHONES：phones 只能是 full 或 masked")
    @ApiResponse(responseCode = "403", description = "FULL_PHONES_FOR_ADMINISTRATORS：只有考区管理员可以导出完整手机号")
    @ApiResponse(responseCode = "404", description = "未找到该考区该年度的审核或考点，或无权查看")
    @GetMapping("/api/admin/returned.csv")
    void returned(
            @RequestParam String region,
            @RequestParam int year,
            @RequestParam(required = false) String site,
            @RequestParam(required = false) String phones,
            Authentication caller,
            HttpServletResponse response)
            throws IOException {
        export("RETURNED", region, year, site, CaseStatus.RETURNED, phones, caller, response, exports::returned);
    }

    record ExportRecord(
            long id,
            String exportedBy,
            Instant exportedAt,
            String kind,
            String region,
            int examYear,
            String site,
            String status,
            boolean fullPhones,
            Integer rows) {}

    /** Every export, newest first (administrators only: /api/admin/**). */
    @GetMapping("/api/admin/exports")
    List<ExportRecord> recorded() {
        return jdbc.query(
                "SELECT * FROM case_export ORDER BY seq DESC FETCH FIRST 500 ROWS ONLY",
                (rs, n) -> new ExportRecord(
                        rs.getLong("seq"),
                        rs.getString("exported_by"),
                        rs.getTimestamp("exported_at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("region"),
                        rs.getInt("exam_year"),
                        rs.getString("exam_site"),
                        rs.getString("status"),
                        rs.getBoolean("full_phones"),
                        (Integer) rs.getObject("row_count")));
    }

    private void export(
            String kind,
            String region,
            int year,
            String site,
            CaseStatus status,
            String phones,
            Authentication caller,
            HttpServletResponse response,
            Export export)
            throws IOException {
        OfficeAccess.Scope scope = access.scope(caller, region, year);
        boolean fullPhones = "full".equals(phones);
        if (phones != null && !fullPhones && !"masked".equals(phones)) {
            throw ApiException.badRequest("BAD_PHONES", "phones 只能是 full 或 masked");
        }
        if (fullPhones && !scope.administrator()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "FULL_PHONES_FOR_ADMINISTRATORS", "只有考区管理员可以导出完整手机号");
        }
        List<String> sites;
        if (site != null && !site.isBlank()) {
            if (!scope.sees(site)) {
                throw OfficeAccess.unknown();
            }
            sites = List.of(site);
        } else {
            sites = scope.allSites() ? null : new ArrayList<>(scope.sites());
        }
        long id = record(caller.getName(), kind, scope, site, status, fullPhones);
        response.setStatus(200);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + kind.toLowerCase().replace('_', '-') + "-" + scope.region() + "-" + year
                        + (site == null ? "" : "-" + site) + ".csv\"");
        int rows = export.write(
                new CaseExports.Filter(scope.region().name(), year, sites, status, fullPhones),
                response.getOutputStream());
        jdbc.update("UPDATE case_export SET row_count = ? WHERE seq = ?", rows, id);
    }

    private long record(
            String who, String kind, OfficeAccess.Scope scope, String site, CaseStatus status, boolean fullPhones) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                            INSERT INTO case_export (exported_by, exported_at, kind, region, exam_year, exam_site,
                                                     status, full_phones)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"seq"});
                    statement.setString(1, who);
                    statement.setTimestamp(2, Timestamp.from(clock.now()));
                    statement.setString(3, kind);
                    statement.setString(4, scope.region().name());
                    statement.setInt(5, scope.examYear());
                    statement.setString(6, site);
                    statement.setString(7, status == null ? null : status.name());
                    statement.setBoolean(8, fullPhones);
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }

    private static CaseStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_STATUS", "未知的状态：" + status);
        }
    }
}

package cn.medexam.qualification.office;

import cn.medexam.qualification.checklist.MaterialCatalog;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.system.Masking;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The office's case lists as CSV for Excel: UTF-8 with a byte order mark, one row per case, written as they are
 * read — a page of {@value #PAGE} cases at a time (keyset paging on the index), never the whole list in memory.
 */
@Component
public class CaseExports {

    static final int PAGE = 1000;

    static final Map<CaseStatus, String> STATUS_NAMES = Map.of(
            CaseStatus.NOT_SUBMITTED, "未提交",
            CaseStatus.SUBMITTED_LOCKED, "已提交，内容已锁定",
            CaseStatus.RETURNED, "已退回",
            CaseStatus.SITE_PASSED, "初审通过",
            CaseStatus.FINAL_PASSED, "终审通过",
            CaseStatus.NOT_QUALIFIED, "资格审核不通过",
            CaseStatus.EXPIRED, "逾期未提交",
            CaseStatus.CANCELLED, "已取消报名",
            CaseStatus.OFFLINE, "线下审核");

    /** What to export: a campaign, optionally one site (or a site reviewer's sites) and one status. */
    public record Filter(String region, int examYear, List<String> sites, CaseStatus status, boolean fullPhones) {}

    private record Row(
            String candidateNo,
            String site,
            String status,
            Timestamp lockedAt,
            int returns,
            String serialNumber,
            Timestamp deadline,
            Timestamp returnedAt) {}

    private final JdbcTemplate jdbc;
    private final Registrations registrations;
    private final ReviewService reviews;
    private final MaterialCatalog materials;
    private final ProgressQueries progress;
    private final DateTimeFormatter time;

    CaseExports(
            JdbcTemplate jdbc,
            Registrations registrations,
            ReviewService reviews,
            MaterialCatalog materials,
            ProgressQueries progress,
            cn.medexam.qualification.system.ReviewProperties properties) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.reviews = reviews;
        this.materials = materials;
        this.progress = progress;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone());
    }

    /** Every case of the filter: 考生编号, 姓名, 证件号码 (masked), 手机号, 考点, 状态, 锁定时间, 退回次数, 序列号, 截止时间. */
    public int cases(Filter filter, OutputStream out) throws IOException {
        Map<String, String> sites = progress.siteNames();
        return write(
                out,
                new String[] {"考生编号", "姓名", "证件号码", "手机号", "考点", "状态", "锁定时间", "退回次数", "序列号", "截止时间"},
                filter,
                "candidate_no",
                (row, r) -> new Object[] {
                    row.candidateNo(),
                    r == null ? "" : r.name(),
                    r == null ? "" : Masking.idNumber(r.idNumber()),
                    r == null ? "" : filter.fullPhones() ? r.phone() : Masking.phone(r.phone()),
                    siteName(sites, row.site()),
                    statusName(row.status()),
                    format(row.lockedAt()),
                    row.returns(),
                    nullToEmpty(row.serialNumber()),
                    format(row.deadline())
                });
    }

    /** 序列号名单 of the passed cases (初审通过, 终审通过), by serial number, for printing the admission lists. */
    public int serialNumbers(Filter filter, OutputStream out) throws IOException {
        Map<String, String> sites = progress.siteNames();
        return write(
                out,
                new String[] {"序列号", "考生编号", "姓名", "证件号码", "手机号", "考点", "状态"},
                new Filter(filter.region(), filter.examYear(), filter.sites(), null, filter.fullPhones()),
                "serial_number",
                (row, r) -> new Object[] {
                    row.serialNumber(),
                    row.candidateNo(),
                    r == null ? "" : r.name(),
                    r == null ? "" : Masking.idNumber(r.idNumber()),
                    r == null ? "" : filter.fullPhones() ? r.phone() : Masking.phone(r.phone()),
                    siteName(sites, row.site()),
                    statusName(row.status())
                });
    }

    /** 退回待补传名单: returned cases with the returned materials, their reasons and the resubmission deadline. */
    public int returned(Filter filter, OutputStream out) throws IOException {
        Map<String, String> sites = progress.siteNames();
        Map<String, String> names = materials.names();
        return write(
                out,
                new String[] {"考生编号", "姓名", "手机号", "考点", "退回次数", "退回时间", "退回材料及原因", "补传截止时间"},
                new Filter(
                        filter.region(), filter.examYear(), filter.sites(), CaseStatus.RETURNED, filter.fullPhones()),
                "candidate_no",
                (row, r) -> new Object[] {
                    row.candidateNo(),
                    r == null ? "" : r.name(),
                    r == null ? "" : filter.fullPhones() ? r.phone() : Masking.phone(r.phone()),
                    siteName(sites, row.site()),
                    row.returns(),
                    format(row.returnedAt()),
                    reviews.latestReturns(row.candidateNo()).entrySet().stream()
                            .map(e -> names.getOrDefault(e.getKey(), e.getKey()) + "：" + e.getValue())
                            .collect(Collectors.joining("；")),
                    format(row.deadline())
                });
    }

    private interface RowWriter {
        Object[] cells(Row row, Registration registration);
    }

    private int write(OutputStream out, String[] header, Filter filter, String orderColumn, RowWriter rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = CSVFormat.EXCEL.builder().setHeader(header).get().print(writer);
        String after = "";
        int written = 0;
        while (true) {
            List<Row> page = page(filter, orderColumn, after);
            if (page.isEmpty()) {
                break;
            }
            Map<String, Registration> registered =
                    registrations.findAll(page.stream().map(Row::candidateNo).toList()).stream()
                            .collect(Collectors.toMap(Registration::candidateNo, Function.identity()));
            for (Row row : page) {
                csv.printRecord(Arrays.stream(rows.cells(row, registered.get(row.candidateNo())))
                        .map(CaseExports::inert));
                written++;
            }
            csv.flush();
            Row last = page.get(page.size() - 1);
            after = "serial_number".equals(orderColumn) ? last.serialNumber() : last.candidateNo();
            if (page.size() < PAGE) {
                break;
            }
        }
        csv.flush();
        return written;
    }

    private List<Row> page(Filter filter, String orderColumn, String after) {
        StringBuilder sql = new StringBuilder("""
                SELECT candidate_no, exam_site, status, locked_at, return_count, serial_number, deadline, returned_at
                  FROM case_progress WHERE region = ? AND exam_year = ? AND status IS NOT NULL""");
        List<Object> args = new ArrayList<>(List.of(filter.region(), filter.examYear()));
        if (filter.sites() != null) {
            sql.append(" AND exam_site IN (")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(filter.sites().size(), "?")))
                    .append(")");
            args.addAll(filter.sites());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if ("serial_number".equals(orderColumn)) {
            sql.append(" AND serial_number IS NOT NULL AND status IN ('SITE_PASSED', 'FINAL_PASSED')");
        }
        sql.append(" AND ")
                .append(orderColumn)
                .append(" > ? ORDER BY ")
                .append(orderColumn)
                .append(" FETCH FIRST ")
                .append(PAGE)
                .append(" ROWS ONLY");
        args.add(after);
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new Row(
                        rs.getString("candidate_no"),
                        rs.getString("exam_site"),
                        rs.getString("status"),
                        rs.getTimestamp("locked_at"),
                        rs.getInt("return_count"),
                        rs.getString("serial_number"),
                        rs.getTimestamp("deadline"),
                        rs.getTimestamp("returned_at")),
                args.toArray());
    }

    /**
     * A cell Excel shows as text: a name, reason or number that begins like a formula (= + - @, or a tab or carriage
     * return before one) would otherwise run in the office's spreadsheet (CSV injection), so it gets a leading '.
     */
    static Object inert(Object cell) {
        return cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                ? "'" + text
                : cell;
    }

    private String format(Timestamp timestamp) {
        return timestamp == null ? "" : time.format(timestamp.toInstant());
    }

    private static String siteName(Map<String, String> names, String site) {
        return site + " " + names.getOrDefault(site, "考点");
    }

    static String statusName(String status) {
        return status == null ? "" : STATUS_NAMES.getOrDefault(CaseStatus.valueOf(status), status);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

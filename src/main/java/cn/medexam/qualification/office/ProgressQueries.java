package cn.medexam.qualification.office;

import cn.medexam.qualification.review.CaseStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The progress of a campaign from {@code case_progress}: one grouped query on the index (region, exam_year,
 * exam_site, status), never the engine. {@link #PROGRESS_SQL} is the query the benchmark times.
 */
@Component
public class ProgressQueries {

    /** Parameters: now (for overdue returns), region, exam year. One row per site and status. */
    public static final String PROGRESS_SQL = """
            SELECT exam_site, status, COUNT(*) AS cases,
                   SUM(CASE WHEN review_task_id IS NOT NULL THEN 1 ELSE 0 END) AS open_reviews,
                   MIN(review_since) AS oldest_waiting,
                   SUM(CASE WHEN end_activity = 'resubmissionMissed' OR (status = 'RETURNED' AND deadline < ?)
                            THEN 1 ELSE 0 END) AS overdue_returns
              FROM case_progress
             WHERE region = ? AND exam_year = ? AND status IS NOT NULL
             GROUP BY exam_site, status""";

    private final JdbcTemplate jdbc;

    ProgressQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole campaign's progress, every site. */
    public Progress progress(String region, int examYear, Instant now) {
        return progress(new OfficeAccess.Scope(OfficeAccess.region(region), examYear, true, Set.of(), true), now);
    }

    Progress progress(OfficeAccess.Scope scope, Instant now) {
        Map<String, SiteCounts> sites = new TreeMap<>();
        if (!scope.allSites()) {
            scope.sites().forEach(site -> sites.put(site, new SiteCounts()));
        }
        jdbc.query(
                PROGRESS_SQL,
                rs -> {
                    String site = rs.getString("exam_site");
                    if (!scope.sees(site)) {
                        return;
                    }
                    SiteCounts counts = sites.computeIfAbsent(site, s -> new SiteCounts());
                    CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
                    counts.counts.merge(status, rs.getLong("cases"), Long::sum);
                    counts.openReviews += rs.getLong("open_reviews");
                    counts.overdue += rs.getLong("overdue_returns");
                    Timestamp oldest = rs.getTimestamp("oldest_waiting");
                    if (oldest != null
                            && (counts.oldest == null || oldest.toInstant().isBefore(counts.oldest))) {
                        counts.oldest = oldest.toInstant();
                    }
                },
                Timestamp.from(now),
                scope.region().name(),
                scope.examYear());
        Map<String, String> names = siteNames();
        Map<CaseStatus, Long> totals = zeros();
        List<Progress.Site> result = new ArrayList<>();
        sites.forEach((site, counts) -> {
            Map<CaseStatus, Long> full = zeros();
            counts.counts.forEach((status, n) -> {
                full.merge(status, n, Long::sum);
                totals.merge(status, n, Long::sum);
            });
            result.add(new Progress.Site(
                    site,
                    names.getOrDefault(site, "考点 " + site),
                    full,
                    counts.openReviews,
                    counts.oldest,
                    counts.overdue,
                    full.get(CaseStatus.RETURNED)));
        });
        return new Progress(scope.region().name(), scope.examYear(), now, totals, result);
    }

    Map<String, String> siteNames() {
        Map<String, String> names = new TreeMap<>();
        jdbc.query("SELECT code, name FROM exam_site", rs -> {
            names.put(rs.getString("code"), rs.getString("name"));
        });
        return names;
    }

    static Map<CaseStatus, Long> zeros() {
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    private static final class SiteCounts {
        final Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        long openReviews;
        long overdue;
        Instant oldest;
    }
}

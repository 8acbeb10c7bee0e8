package cn.medexam.qualification.office;

import cn.medexam.qualification.campaign.Campaign;
import cn.medexam.qualification.campaign.Campaigns;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The per-day series and the reviewers' workload, from {@code progress_event} and {@code case_progress}. */
@Component
class OfficeQueries {

    private final JdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final ProgressQueries progress;

    OfficeQueries(JdbcTemplate jdbc, Campaigns campaigns, ProgressQueries progress) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.progress = progress;
    }

    /**
     * Every day from the campaign's first upload day to its final review day (or to the last event, whichever is
     * later), with the day's submissions and decisions. Days are the database's local dates (run in Asia/Shanghai).
     */
    Daily daily(OfficeAccess.Scope scope, ZoneId zone, Instant now) {
        Map<LocalDate, long[]> counts = new TreeMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT happened_on AS on_day, exam_site, kind, outcome, COUNT(*) AS n
                  FROM progress_event WHERE region = ? AND exam_year = ?
                 GROUP BY happened_on, exam_site, kind, outcome""");
        jdbc.query(
                sql.toString(),
                rs -> {
                    if (!scope.sees(rs.getString("exam_site"))) {
                        return;
                    }
                    long[] day = counts.computeIfAbsent(rs.getDate("on_day").toLocalDate(), d -> new long[5]);
                    long n = rs.getLong("n");
                    String kind = rs.getString("kind");
                    String outcome = rs.getString("outcome");
                    switch (kind) {
                        case "SUBMITTED" -> day[0] += n;
                        case "RESUBMITTED" -> day[1] += n;
                        case "DECIDED" -> {
                            if ("PASS".equals(outcome)) {
                                day[2] += n;
                            } else if ("RETURN".equals(outcome)) {
                                day[3] += n;
                            } else if ("NOT_QUALIFIED".equals(outcome)) {
                                day[4] += n;
                            }
                        }
                        default -> {}
                    }
                },
                scope.region().name(),
                scope.examYear());
        LocalDate first;
        LocalDate last;
        if (campaigns.exists(scope.region(), scope.examYear())) {
            Campaign campaign = campaigns.of(scope.region(), scope.examYear());
            first = campaign.uploadOpens();
            LocalDate today = now.atZone(zone).toLocalDate();
            last = today.isBefore(campaign.finalReviewEnds()) ? today : campaign.finalReviewEnds();
            if (last.isBefore(first)) {
                last = first;
            }
        } else {
            first = counts.isEmpty()
                    ? now.atZone(zone).toLocalDate()
                    : ((TreeMap<LocalDate, long[]>) counts).firstKey();
            last = counts.isEmpty() ? first : ((TreeMap<LocalDate, long[]>) counts).lastKey();
        }
        if (!counts.isEmpty()) {
            TreeMap<LocalDate, long[]> sorted = (TreeMap<LocalDate, long[]>) counts;
            first = sorted.firstKey().isBefore(first) ? sorted.firstKey() : first;
            last = sorted.lastKey().isAfter(last) ? sorted.lastKey() : last;
        }
        List<LocalDate> days = new ArrayList<>();
        List<List<Long>> series =
                List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
            long[] n = counts.getOrDefault(day, new long[5]);
            for (int i = 0; i < 5; i++) {
                series.get(i).add(n[i]);
            }
        }
        return new Daily(
                scope.region().name(),
                scope.examYear(),
                days,
                series.get(0),
                series.get(1),
                series.get(2),
                series.get(3),
                series.get(4));
    }

    Workload workload(OfficeAccess.Scope scope, Instant now) {
        Map<String, String> names = progress.siteNames();
        Map<String, long[]> open = new TreeMap<>();
        Map<String, List<Workload.Claim>> claims = new HashMap<>();
        jdbc.query(
                """
                SELECT exam_site, candidate_no, review_stage, claimed_by, claimed_at, review_since
                  FROM case_progress
                 WHERE region = ? AND exam_year = ? AND review_task_id IS NOT NULL
                 ORDER BY exam_site, review_since, candidate_no""",
                rs -> {
                    String site = rs.getString("exam_site");
                    if (!scope.sees(site)) {
                        return;
                    }
                    long[] n = open.computeIfAbsent(site, s -> new long[2]);
                    n[0]++;
                    String claimedBy = rs.getString("claimed_by");
                    if (claimedBy == null) {
                        n[1]++;
                        return;
                    }
                    Instant claimedAt = instant(rs.getTimestamp("claimed_at"));
                    claims.computeIfAbsent(site, s -> new ArrayList<>())
                            .add(new Workload.Claim(
                                    rs.getString("candidate_no"),
                                    rs.getString("review_stage"),
                                    claimedBy,
                                    claimedAt,
                                    claimedAt == null
                                            ? 0
                                            : Duration.between(claimedAt, now).toMinutes(),
                                    instant(rs.getTimestamp("review_since"))));
                },
                scope.region().name(),
                scope.examYear());
        Map<String, List<Workload.Decisions>> decisions = new HashMap<>();
        jdbc.query(
                """
                SELECT exam_site, happened_on AS on_day, actor, COUNT(*) AS n
                  FROM progress_event
                 WHERE region = ? AND exam_year = ? AND kind = 'DECIDED'
                 GROUP BY exam_site, happened_on, actor
                 ORDER BY exam_site, on_day DESC, actor""",
                rs -> {
                    String site = rs.getString("exam_site");
                    if (!scope.sees(site)) {
                        return;
                    }
                    open.computeIfAbsent(site, s -> new long[2]);
                    decisions
                            .computeIfAbsent(site, s -> new ArrayList<>())
                            .add(new Workload.Decisions(
                                    rs.getDate("on_day").toLocalDate(), rs.getString("actor"), rs.getLong("n")));
                },
                scope.region().name(),
                scope.examYear());
        List<Workload.Site> sites = new ArrayList<>();
        open.forEach((site, n) -> sites.add(new Workload.Site(
                site,
                names.getOrDefault(site, "考点 " + site),
                n[0],
                n[1],
                claims.getOrDefault(site, List.of()),
                decisions.getOrDefault(site, List.of()))));
        return new Workload(scope.region().name(), scope.examYear(), now, sites);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package cn.medexam.qualification.office;

import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.system.CaseActivities;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The office's timings at scale, for the project's benchmark to call: seeds {@code cases} rows DIRECTLY into
 * case_progress (and registration, for the export's names) for a campaign no real case uses (SHANDONG 2099, 16
 * sites, every status), then measures {@code GET /api/admin/progress}'s query ({@link ProgressQueries#progress})
 * and one CSV export of the whole campaign ({@link CaseExports#cases}) on that database. The seeded rows are what
 * {@link ProgressHistoryHandler} would have written; no engine is involved. {@link #remove} deletes them again.
 */
public final class ProgressTiming {

    public static final String REGION = "SHANDONG";
    public static final int YEAR = 2099;

    /** Medians over the repetitions, in milliseconds; the plan is PostgreSQL's EXPLAIN ANALYZE of the query. */
    public record Result(int cases, double progressMillis, double csvMillis, long csvRows, String plan) {}

    private ProgressTiming() {}

    public static void seed(JdbcTemplate jdbc, int cases) {
        remove(jdbc);
        CaseStatus[] statuses = CaseStatus.values();
        String[] sites = {
            "3701", "3702", "3703", "3704", "3705", "3706", "3707", "3708", "3709", "3710", "3711", "3713", "3714",
            "3715", "3716", "3717"
        };
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.parse("2099-03-01T02:00:00Z"));
        List<Object[]> progress = new ArrayList<>();
        List<Object[]> registrations = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String no = "B2099" + String.format("%08d", i);
            String site = sites[i % sites.length];
            CaseStatus status = statuses[(i / sites.length) % statuses.length];
            boolean review = status == CaseStatus.SUBMITTED_LOCKED
                    || status == CaseStatus.SITE_PASSED
                    || status == CaseStatus.OFFLINE;
            progress.add(new Object[] {
                no,
                "bench-" + no,
                REGION,
                YEAR,
                site,
                status.name(),
                now,
                review ? "task-" + no : null,
                review ? now : null,
                status == CaseStatus.SITE_PASSED || status == CaseStatus.FINAL_PASSED ? "37" + i : null,
                status == CaseStatus.RETURNED ? 1 : 0,
                status == CaseStatus.EXPIRED && i % 2 == 0 ? CaseActivities.RESUBMISSION_MISSED : null,
                now
            });
            registrations.add(new Object[] {
                no,
                "考生" + i,
                "37010219900101" + String.format("%04d", i % 10000),
                "138" + String.format("%08d", i),
                REGION,
                site,
                YEAR,
                now,
                now
            });
            if (progress.size() == 5000 || i == cases - 1) {
                jdbc.batchUpdate("""
                        INSERT INTO case_progress (candidate_no, process_instance_id, region, exam_year, exam_site,
                               status, locked_at, review_task_id, review_since, serial_number, return_count,
                               end_activity, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", progress);
                jdbc.batchUpdate("""
                        INSERT INTO registration (candidate_no, name, id_type, id_number, phone, region, exam_site,
                               exam_year, exam_level, category, education, graduate_status,
                               holds_assistant_qualification, institution_tier, probation_institutions,
                               foreign_degree, nationality, previous_hunan_registration, short_track,
                               graduating_this_year, military_status, school_in_region, registered_at, updated_at)
                        VALUES (?, ?, 'RESIDENT_ID', ?, ?, ?, ?, ?, 'PHYSICIAN', 'CLINICAL', 'BACHELOR', 'NONE',
                               FALSE, 'OTHER', 1, FALSE, 'CN', FALSE, FALSE, FALSE, 'NONE', TRUE, ?, ?)""", registrations);
                progress.clear();
                registrations.clear();
            }
        }
        try {
            jdbc.execute("ANALYZE case_progress"); // PostgreSQL's statistics for the planner
        } catch (org.springframework.dao.DataAccessException notPostgres) {
            // H2: no statistics to refresh
        }
    }

    public static Result measure(JdbcTemplate jdbc, ProgressQueries queries, CaseExports exports, int repetitions)
            throws IOException {
        Instant now = Instant.parse("2099-03-01T02:00:00Z");
        String plan;
        try {
            plan = String.join(
                    "\n",
                    jdbc.queryForList(
                            "EXPLAIN (ANALYZE, BUFFERS) " + ProgressQueries.PROGRESS_SQL,
                            String.class,
                            java.sql.Timestamp.from(now),
                            REGION,
                            YEAR));
        } catch (org.springframework.dao.DataAccessException notPostgres) {
            plan = "(EXPLAIN ANALYZE is PostgreSQL's)";
        }
        double[] progress = new double[repetitions];
        int cases = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            Progress answer = queries.progress(REGION, YEAR, now);
            progress[i] = (System.nanoTime() - start) / 1e6;
            cases = (int)
                    answer.totals().values().stream().mapToLong(Long::longValue).sum();
        }
        int csvRuns = Math.max(1, repetitions / 5);
        double[] csv = new double[csvRuns];
        long rows = 0;
        for (int i = 0; i < csvRuns; i++) {
            CountingStream out = new CountingStream();
            long start = System.nanoTime();
            rows = exports.cases(new CaseExports.Filter(REGION, YEAR, null, null, false), out);
            csv[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Result(cases, median(progress), median(csv), rows, plan);
    }

    public static void remove(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM case_progress WHERE region = ? AND exam_year = ?", REGION, YEAR);
        jdbc.update("DELETE FROM registration WHERE region = ? AND exam_year = ?", REGION, YEAR);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Where the export goes: counted, not kept (the real export streams to the HTTP response). */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}

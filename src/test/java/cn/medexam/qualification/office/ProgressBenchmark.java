package cn.medexam.qualification.office;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: the office's timings at 100,000 cases, run by hand on PostgreSQL, e.g.
 *
 * <pre>
 * ./mvnw test -Dtest=ProgressBenchmark -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/qr_d \
 *     -Dspring.datasource.username=postgres -Dqr.bench.cases=100000
 * </pre>
 *
 * It seeds the rows directly ({@link ProgressTiming}), prints the query plan and the medians, and removes them.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProgressBenchmark {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProgressQueries queries;

    @Autowired
    CaseExports exports;

    @Test
    void progressAndOneExportAtScale() throws Exception {
        int cases = Integer.getInteger("qr.bench.cases", 100_000);
        long start = System.nanoTime();
        ProgressTiming.seed(jdbc, cases);
        System.out.printf("seeded %d cases in %.1f s%n", cases, (System.nanoTime() - start) / 1e9);
        try {
            ProgressTiming.Result result = ProgressTiming.measure(jdbc, queries, exports, 25);
            System.out.println("EXPLAIN ANALYZE of ProgressQueries.PROGRESS_SQL:\n" + result.plan());
            System.out.printf(
                    "progress of %d cases: median %.1f ms; CSV export of %d rows: median %.0f ms%n",
                    result.cases(), result.progressMillis(), result.csvRows(), result.csvMillis());
        } finally {
            ProgressTiming.remove(jdbc);
        }
    }
}

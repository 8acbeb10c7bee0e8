package cn.medexam.qualification.campaign;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.BenchmarkDatabase;
import cn.medexam.qualification.support.BenchmarkReport;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.support.WebClient;
import cn.medexam.qualification.system.CaseVariables;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: deadline day (issue 12), part of {@code ./mvnw -Pbenchmark test}, or alone with {@code ./mvnw test
 * -Dtest=DeadlineDayBenchmark -Dbench.deadline.cases=10000}, with the job executor on, on a PostgreSQL database it
 * creates fresh ({@code bench.deadline.db}, {@link BenchmarkDatabase}). It registers K cases of a fresh campaign through the application's services (real timers), waits until the job
 * executor is idle, moves the campaign's upload deadline to yesterday over HTTP and prints how long the PUT took,
 * when the last waiting case had ended, and how many "deadline missed" and "deadline near" messages were sent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@ExtendWith(BenchmarkReport.class)
class DeadlineDayBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws Exception {
        BenchmarkDatabase.fresh(registry, System.getProperty("bench.deadline.db", "qr_bench_deadline"), 12);
    }

    @Test
    void deadlineMovedToYesterday() throws Exception {
        ClockUtil.reset();
        users.ensureExist();
        int k = Integer.getInteger("bench.deadline.cases", 10_000);
        int year = 5000 + (int) (System.currentTimeMillis() / 1000 % 4000);
        LocalDate today = LocalDate.now(BEIJING);
        WebClient admin = new WebClient(port);
        String campaign = "/api/admin/campaigns/SICHUAN/" + year;
        expect(
                admin.basic(
                        TestUsers.ADMIN,
                        TestUsers.PASSWORD,
                        "PUT",
                        campaign,
                        "{\"uploadOpens\":\"%s\",\"uploadCloses\":\"%s\",\"reminderLead\":\"P3D\",\"reviewOpens\":\"%s\",\"resubmissionDeadline\":\"%s\",\"finalReviewEnds\":\"%s\"}"
                                .formatted(
                                        today.minusDays(10),
                                        today.plusDays(20),
                                        today.plusDays(30),
                                        today.plusDays(40),
                                        today.plusDays(50))),
                201);

        long seeding = System.nanoTime();
        ExecutorService registrars = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                done.add(registrars.submit(() -> {
                    Applicant applicant = Applicant.shandongBachelor();
                    applicant.region = Region.SICHUAN;
                    applicant.examSite = "5101";
                    applicant.examYear = year;
                    cases.register(applicant);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            registrars.shutdown();
        }
        double seeded = (System.nanoTime() - seeding) / 1e9;
        Awaitility.await("seeded cases' jobs done")
                .atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> managementService.createJobQuery().executable().count() == 0);
        jdbc.sql("ANALYZE").update();
        long heapBefore = BenchmarkReport.heapAfterFullGc();

        long moved = System.nanoTime();
        HttpResponse<String> put = admin.basic(
                TestUsers.ADMIN,
                TestUsers.PASSWORD,
                "PUT",
                campaign,
                "{\"uploadCloses\":\"" + today.minusDays(1) + "\"}");
        double putSeconds = (System.nanoTime() - moved) / 1e9;
        expect(put, 200);
        double[] timersMoved = {Double.NaN};
        Awaitility.await("every waiting case ended")
                .atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (Double.isNaN(timersMoved[0])) {
                        HttpResponse<String> move =
                                admin.basic(TestUsers.ADMIN, TestUsers.PASSWORD, "GET", campaign + "/timer-move", null);
                        if (move.statusCode() != 200 || move.body().contains("\"done\":true")) {
                            timersMoved[0] = (System.nanoTime() - moved) / 1e9;
                        }
                    }
                    // the office's progress rows end with their cases (same transaction) and are cheap to count;
                    // the engine's count (two variable joins, 130 ms at 10,000 cases) is asked only once they say so,
                    // so that watching does not take PostgreSQL's time from the cases
                    return jdbc.sql("SELECT COUNT(*) FROM case_progress WHERE region = 'SICHUAN' AND exam_year = ?"
                                                    + " AND ended_at IS NULL")
                                            .param(year)
                                            .query(Long.class)
                                            .single()
                                    == 0
                            && runtimeService
                                            .createProcessInstanceQuery()
                                            .processDefinitionKey("qualificationReview")
                                            .variableValueEquals(CaseVariables.REGION, "SICHUAN")
                                            .variableValueEquals(CaseVariables.EXAM_YEAR, year)
                                            .count()
                                    == 0;
                });
        double ended = (System.nanoTime() - moved) / 1e9;
        Map<String, Long> smsWhenEnded = smsOf(year);
        // the 未提交 SMS are deliveries of their own, which the job executor may run before or after the cases' ends
        Awaitility.await("every 未提交 SMS sent")
                .atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE kind = 'UPLOAD_MISSED' AND status <> 'SENT'")
                                        .query(Long.class)
                                        .single()
                                == 0);
        double sent = (System.nanoTime() - moved) / 1e9;
        long heapAfter = BenchmarkReport.heapAfterFullGc();
        Map<String, Long> sms = smsOf(year);
        Map<String, Long> messages = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT m.kind, COUNT(*) FROM candidate_message m
                          JOIN registration r ON r.candidate_no = m.candidate_no
                         WHERE r.region = 'SICHUAN' AND r.exam_year = ? GROUP BY m.kind""")
                .param(year)
                .query((rs, row) -> messages.put(rs.getString(1), rs.getLong(2)))
                .list();

        System.out.printf(
                """

                ==== DeadlineDayBenchmark (%d cores) ====
                %d waiting cases seeded in %.1f s
                PUT uploadCloses -> yesterday answered in %.2f s
                timers moved (timer-move done) after %.1f s
                last case ended %.1f s after the move (%.0f cases/s)
                messages: %s
                their SMS when the last case ended: %s
                last SMS sent %.1f s after the move: %s
                live heap after a full GC: %d MB before the move, %d MB after the last SMS was sent
                =========================================
                %n""",
                Runtime.getRuntime().availableProcessors(),
                k,
                seeded,
                putSeconds,
                timersMoved[0],
                ended,
                k / ended,
                messages,
                smsWhenEnded,
                sent,
                sms,
                heapBefore,
                heapAfter);
        String day = "deadline day, %,d waiting cases, upload deadline moved to yesterday: ".formatted(k);
        BenchmarkReport.row(day + "the PUT answered", "%.2f s".formatted(putSeconds), "—", "≤ 2 s");
        BenchmarkReport.row(
                day + "every case ended",
                "%.0f s after the move (%.0f cases/s); timers moved after %.0f s; their SMS all sent after %.0f s"
                        .formatted(ended, k / ended, timersMoved[0], sent),
                "—",
                "10,000 ended ≤ 60 s after the move");
        BenchmarkReport.row(
                day + "messages",
                "%s; reminders (UPLOAD_REMINDER) %d".formatted(messages, messages.getOrDefault("UPLOAD_REMINDER", 0L)),
                "—",
                "one UPLOAD_MISSED each, no reminder");
        BenchmarkReport.row(
                "live heap after a full GC, deadline day",
                "%d MB after the last SMS was sent".formatted(heapAfter),
                "%d MB before the move".formatted(heapBefore),
                "stays flat");
    }

    /** The campaign's 未提交 SMS by status. */
    private Map<String, Long> smsOf(int year) {
        Map<String, Long> sms = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT o.status, COUNT(*) FROM sms_outbox o
                          JOIN registration r ON r.candidate_no = o.candidate_no
                         WHERE r.region = 'SICHUAN' AND r.exam_year = ? AND o.kind = 'UPLOAD_MISSED'
                         GROUP BY o.status""")
                .param(year)
                .query((rs, row) -> sms.put(rs.getString(1), rs.getLong(2)))
                .list();
        return sms;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
        }
    }
}

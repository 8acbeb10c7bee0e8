package cn.medexam.qualification.campaign;

import cn.medexam.qualification.support.Applicant;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: deadline day, run by hand against PostgreSQL with the job executor on:
 * <pre>
 * ./mvnw test -Dtest=DeadlineDayBenchmark -Dbench.cases=10000 \
 *   -Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/qr_bench -Dspring.datasource.username=postgres
 * </pre>
 * It registers K cases of a fresh campaign through the application's services (real timers), waits until the job
 * executor is idle, moves the campaign's upload deadline to yesterday over HTTP and prints how long the PUT took,
 * when the last waiting case had ended, and how many "deadline missed" and "deadline near" messages were sent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
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

    @Test
    void deadlineMovedToYesterday() throws Exception {
        ClockUtil.reset();
        users.ensureExist();
        int k = Integer.getInteger("bench.cases", 2000);
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
        long heapBefore = heapAfterFullGc();

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
                    return runtimeService
                                    .createProcessInstanceQuery()
                                    .processDefinitionKey("qualificationReview")
                                    .variableValueEquals(CaseVariables.REGION, "SICHUAN")
                                    .variableValueEquals(CaseVariables.EXAM_YEAR, year)
                                    .count()
                            == 0;
                });
        double ended = (System.nanoTime() - moved) / 1e9;
        long heapAfter = heapAfterFullGc();
        Map<String, Long> sms = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT o.status, COUNT(*) FROM sms_outbox o
                          JOIN registration r ON r.candidate_no = o.candidate_no
                         WHERE r.region = 'SICHUAN' AND r.exam_year = ? AND o.kind = 'UPLOAD_MISSED'
                         GROUP BY o.status""")
                .param(year)
                .query((rs, row) -> sms.put(rs.getString(1), rs.getLong(2)))
                .list();
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
                live heap after a full GC: %d MB before the move, %d MB after the last case ended
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
                sms,
                heapBefore,
                heapAfter);
    }

    private static long heapAfterFullGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
        }
    }
}

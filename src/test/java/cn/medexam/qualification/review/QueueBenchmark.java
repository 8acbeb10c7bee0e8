package cn.medexam.qualification.review;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.BenchmarkDatabase;
import cn.medexam.qualification.support.BenchmarkReport;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.TestCampaigns;
import cn.medexam.qualification.support.TestUsers;
import cn.medexam.qualification.support.WebClient;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.TaskQueryGrants;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Not a test: the reviewers' queues in Tasklist at scale (issue 12), run by hand against a PostgreSQL database it
 * creates fresh:
 * <pre>
 * ./mvnw test -Dtest=QueueBenchmark -Dbench.cases=100000
 * </pre>
 * (-Dbench.postgres=jdbc:postgresql://127.0.0.1:5432/, -Dbench.user=postgres, -Dbench.password=, -Dbench.db=qr_bench,
 * -Dbench.threads=4, -Dbench.steps=1000,10000,50000,100000, -Dbench.baseline.max=bench.cases as the defaults;
 * -Dbench.requests=100 and -Dbench.baseline.requests=20 per measurement; -Dbench.reuse=true measures the cases an
 * earlier run left in bench.db as they are, then seeds on from them to the larger steps).
 *
 * <p>Seeds open cases of one Shandong campaign through the application's own services (registration with its
 * grants, the four required uploads through the document store and its image checks, submission, the review-opening
 * timer, the site's pass), stepwise up to each size of {@code bench.steps}; 10 % of the cases are at exam site 3701
 * and wait for its review, the others are spread over nine more sites, and half of those have passed the site review
 * and wait for the region's. After each step it runs {@code VACUUM ANALYZE} (what autovacuum would have done) and sends 100 times each what Tasklist sends
 * for a filter's first page and its count ({@code POST /camunda/api/engine/engine/default/filter/{id}/list?
 * firstResult=0&maxResults=15} with Tasklist's body, HAL, and {@code .../count}) as the site's reviewer (本考点待初审)
 * and as the region's (考区待终审), logged in with a session like Tasklist. Up to {@code bench.baseline.max} open cases
 * it measures the same requests, fewer times, with the engine's own task query as decision 0013 had it
 * (revoke-aware check, a subquery per task), the baseline of decision 0021's grant subqueries. Prints one table and the heap after a full GC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BenchmarkReport.class)
class QueueBenchmark {

    private static final String DATABASE = System.getProperty("bench.db", "qr_bench");
    private static final String SITE = "3701";
    private static final List<String> OTHER_SITES =
            IntStream.rangeClosed(3702, 3710).mapToObj(String::valueOf).toList();
    private static final OffsetDateTime REVIEW_OPEN = OffsetDateTime.parse("2026-02-27T09:00:00+08:00");
    private static final int REQUESTS = Integer.getInteger("bench.requests", 100);
    private static final int BASELINE_REQUESTS = Integer.getInteger("bench.baseline.requests", 20);

    /** Tasklist's body for a filter's list (taskListQuery in camunda-tasklist-ui: newest first by default). */
    private static final String TASKLIST_BODY = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
            "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    TestCampaigns campaigns;

    @Autowired
    ReviewService reviews;

    @Autowired
    FilterService filterService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws Exception {
        BenchmarkDatabase.use(registry, DATABASE, 12);
    }

    @Test
    void siteAndRegionQueues() throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int max = Integer.getInteger("bench.cases", 100_000);
        int baselineMax = Integer.getInteger("bench.baseline.max", max);
        int[] steps = Arrays.stream(System.getProperty("bench.steps", "1000,10000,50000,100000")
                        .split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .filter(size -> size <= max)
                .toArray();
        if (steps.length == 0 || steps[steps.length - 1] != max) {
            steps = IntStream.concat(Arrays.stream(steps), IntStream.of(max)).toArray();
        }
        boolean reuse = BenchmarkDatabase.reused();
        int seeded = 0;
        int year;
        users.ensureExist();
        if (reuse) {
            // the cases an earlier run seeded into bench.db: measured as they are, then seeded on to the larger steps
            seeded = (int) processEngine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionKey("qualificationReview")
                    .count();
            int open = seeded;
            steps = IntStream.concat(IntStream.of(open), Arrays.stream(steps).filter(size -> size > open))
                    .toArray();
            year = (Integer) processEngine
                    .getRuntimeService()
                    .createVariableInstanceQuery()
                    .variableName(CaseVariables.EXAM_YEAR)
                    .listPage(0, 1)
                    .get(0)
                    .getValue();
        } else {
            year = campaigns.create(Region.SHANDONG, form -> {});
        }
        String siteFilter = filterId("本考点待初审（" + SITE + "）");
        String regionFilter = filterId("考区待终审（山东）");

        List<String> rows = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int size : steps) {
                long started = System.nanoTime();
                if (size > seeded) {
                    seed(pool, year, seeded, size);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                String seeding = size == seeded
                        ? "seeded by an earlier run"
                        : "%,d in %.0f s (%.1f/s)".formatted(size - seeded, seconds, (size - seeded) / seconds);
                seeded = size;
                // logged in now: a step's seeding outlasts a session
                WebClient siteReviewer = new WebClient(port).logIn(TestUsers.SITE_REVIEWER, TestUsers.PASSWORD);
                WebClient regionReviewer = new WebClient(port).logIn(TestUsers.REGION_REVIEWER, TestUsers.PASSWORD);
                // what autovacuum does in production: planner statistics and the visibility map that lets the
                // variable index answer without reading the table (decision 0024)
                jdbc.sql("VACUUM ANALYZE").update();
                long siteTasks = openTasks(siteFilter);
                long regionTasks = openTasks(regionFilter);
                Timing[] baseline = null;
                if (size <= baselineMax) {
                    EngineDesign.DECISION_0013.applyTo(configuration());
                    baseline = measure(siteReviewer, siteFilter, regionReviewer, regionFilter, BASELINE_REQUESTS);
                    rows.add(row(size, siteTasks, regionTasks, "0013 (baseline)", baseline, ""));
                }
                EngineDesign.DECISION_0021.applyTo(configuration());
                Timing[] timings = measure(siteReviewer, siteFilter, regionReviewer, regionFilter, REQUESTS);
                rows.add(row(size, siteTasks, regionTasks, "0021", timings, seeding));
                report(size, siteTasks, regionTasks, timings, baseline);
                print(rows);
            }
        } finally {
            pool.shutdown();
            ClockUtil.reset();
        }
        long heap = BenchmarkReport.heapAfterFullGc();
        System.out.printf("heap after a full GC at the end: %d MB%n%n", heap);
        BenchmarkReport.row(
                "live heap after a full GC, queue benchmark done (%,d open cases)".formatted(max),
                heap + " MB",
                "—",
                "stays flat");
    }

    /** Cases number from..to-1: registered, four uploads, submitted; review opened; half the other sites' passed. */
    private void seed(ExecutorService pool, int year, int from, int to) throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        List<Applicant> applicants = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Applicant applicant = Applicant.shandongBachelor();
            applicant.examYear = year;
            applicant.examSite = i % 10 == 0 ? SITE : OTHER_SITES.get(i % OTHER_SITES.size());
            applicants.add(applicant);
        }
        runAll(
                pool,
                applicants.stream()
                        .map(applicant -> (Callable<Void>) () -> {
                            cases.register(applicant);
                            cases.uploadRequired(applicant);
                            cases.submit(applicant);
                            return null;
                        })
                        .toList());
        // what autovacuum would have done by now: without statistics of the step's 250,000 new variables the
        // planner looked up an execution's variables through the index of every variable without a task
        // (0.3 s per review opened, 2026-12-07)
        jdbc.sql("ANALYZE").update();
        cases.clockAt(REVIEW_OPEN);
        List<Job> opening = managementService
                .createJobQuery()
                .activityId("waitForReviewOpening")
                .timers()
                .executable()
                .list();
        runAll(
                pool,
                opening.stream()
                        .map(job -> (Callable<Void>) () -> {
                            managementService.executeJob(job.getId());
                            return null;
                        })
                        .toList());
        // again: the step's reviews are new tasks, and the planner's last look saw the task table without them (the
        // site's pass, which finds its task by business key, then walked every task: 0.6 s each, 7 passes/s,
        // against 130/s after an ANALYZE, 2026-12-08)
        jdbc.sql("ANALYZE").update();
        List<Applicant> passing = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Applicant applicant = applicants.get(i - from);
            if (!applicant.examSite.equals(SITE) && i % 2 == 1) {
                passing.add(applicant);
            }
        }
        runAll(
                pool,
                passing.stream()
                        .map(applicant -> (Callable<Void>) () -> {
                            reviews.decide(
                                    applicant.candidateNo,
                                    ReviewStage.SITE,
                                    Verdict.pass(),
                                    "reviewer-" + applicant.examSite);
                            return null;
                        })
                        .toList());
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> work) throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        for (Callable<Void> item : work) {
            done.add(pool.submit(item));
        }
        for (Future<Void> f : done) {
            f.get();
        }
    }

    /** Site list, site count, region list, region count: what Tasklist asks for a filter's first page and count. */
    private Timing[] measure(
            WebClient siteReviewer, String siteFilter, WebClient regionReviewer, String regionFilter, int requests) {
        return new Timing[] {
            time(siteReviewer, "/" + siteFilter + "/list?firstResult=0&maxResults=15", requests),
            time(siteReviewer, "/" + siteFilter + "/count", requests),
            time(regionReviewer, "/" + regionFilter + "/list?firstResult=0&maxResults=15", requests),
            time(regionReviewer, "/" + regionFilter + "/count", requests)
        };
    }

    private static String row(
            int size, long siteTasks, long regionTasks, String design, Timing[] timings, String seeding) {
        return "| %,d | %,d | %,d | %s | %s | %s | %s | %s | %s |"
                .formatted(
                        size, siteTasks, regionTasks, design, timings[0], timings[1], timings[2], timings[3], seeding);
    }

    private static void report(int size, long siteTasks, long regionTasks, Timing[] timings, Timing[] baseline) {
        String[] what = {
            "site queue 本考点待初审, first page", "site queue 本考点待初审, count",
            "region queue 考区待终审, first page", "region queue 考区待终审, count"
        };
        for (int i = 0; i < what.length; i++) {
            long tasks = i < 2 ? siteTasks : regionTasks;
            BenchmarkReport.row(
                    "%s at %,d open cases (%,d tasks), p50 / p95 ms".formatted(what[i], size, tasks),
                    timings[i].toString(),
                    baseline == null ? "not measured" : "decision 0013: " + baseline[i],
                    "p95 ≤ 100");
        }
    }

    private Timing time(WebClient reviewer, String path, int requests) {
        String url = "/camunda/api/engine/engine/default/filter" + path;
        long[] millis = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = reviewer.sendHal("POST", url, TASKLIST_BODY);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        Arrays.sort(millis);
        return new Timing(millis[(requests - 1) / 2], millis[(int) Math.ceil(requests * 0.95) - 1]);
    }

    private record Timing(long p50, long p95) {
        @Override
        public String toString() {
            return p50 + " / " + p95;
        }
    }

    private long openTasks(String filterId) {
        return filterService.count(filterId);
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    private void print(List<String> rows) {
        double[] load = loadAverage();
        System.out.printf(
                """

                ==== QueueBenchmark (%d cores, load average %.2f %.2f %.2f) ====
                p50 / p95 in ms over the requests (%d each for 0021; %d each for the baseline, 0013)
                0021: %s; 0013: %s
                | open cases | site 3701's open review tasks | region's final review tasks | design \
                | site list | site count | region list | region count | seeding of the step |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                %s
                %n""",
                Runtime.getRuntime().availableProcessors(),
                load[0],
                load[1],
                load[2],
                REQUESTS,
                BASELINE_REQUESTS,
                EngineDesign.DECISION_0021,
                EngineDesign.DECISION_0013,
                String.join("\n", rows));
    }

    private static double[] loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return new double[] {
                Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
            };
        } catch (java.io.IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {one, Double.NaN, Double.NaN};
        }
    }

    /** The engine settings the queue's SQL depends on, switchable in one running engine for the baseline. */
    private record EngineDesign(
            String authorizationCheckRevokes,
            boolean cmmnEnabled,
            boolean standaloneTasksEnabled,
            boolean grantSubqueries) {

        /**
         * Decision 0013: the engine's own task query with its revoke-aware check (a subquery per task and grant
         * kind), no CMMN, no standalone tasks.
         */
        static final EngineDesign DECISION_0013 = new EngineDesign("always", false, false, false);

        /** Decision 0021: Camunda's "auto", the grants asked by {@link TaskQueryGrants}. */
        static final EngineDesign DECISION_0021 = new EngineDesign("auto", false, false, true);

        void applyTo(ProcessEngineConfigurationImpl configuration) {
            configuration.setAuthorizationCheckRevokes(authorizationCheckRevokes);
            configuration.setCmmnEnabled(cmmnEnabled);
            configuration.setStandaloneTasksEnabled(standaloneTasksEnabled);
            TaskQueryGrants.use(configuration, grantSubqueries);
        }
    }
}

package cn.medexam.qualification.documents;

import cn.medexam.qualification.candidate.ActivationService;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.BenchmarkDatabase;
import cn.medexam.qualification.support.BenchmarkReport;
import cn.medexam.qualification.support.BenchmarkUploads;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.WebClient;
import cn.medexam.qualification.system.CaseActivities;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: the upload path against its floor (issue 12), part of {@code ./mvnw -Pbenchmark test}, or alone with
 * {@code ./mvnw test -Dtest=UploadRatioBenchmark}, on a PostgreSQL database it creates fresh ({@link
 * BenchmarkDatabase}). The same photographed pages (about 190 KB, 1000 × 1300 px) at concurrency 1, 4 and 16: ImageIO
 * decode-only ({@code ImageIO.read}) images/s on that many threads, then on as many threads uploads/s over HTTP
 * ({@code POST /api/me/materials/{code}/images}), each candidate in a browser session signed in on the login page as
 * the candidate's page is; with the process CPU per image and per upload, the uploads' p50 / p95 and the ratio
 * uploads/s ÷ decodes/s. Then complete cases/s on {@code bench.complete.threads} threads next to a decode-only run
 * on as many: each case is registered, activated with the code of its SMS, signs in, uploads its four required
 * materials and submits over HTTP; the review-opening timer is run by the engine, and the site's and the region's
 * pass are given through {@code ReviewService}. That ratio is cases/s ÷ (decodes/s ÷ 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(BenchmarkReport.class)
class UploadRatioBenchmark {

    private static final int[] CONCURRENCY = {1, 4, 16};
    private static final List<String> MATERIALS =
            List.of("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE");
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    BenchmarkUploads uploads;

    @Autowired
    ActivationService activation;

    @Autowired
    Candidates candidates;

    @Autowired
    ManagementService managementService;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws Exception {
        BenchmarkDatabase.fresh(registry, System.getProperty("bench.upload.db", "qr_bench_upload"), 24);
    }

    @Test
    void uploadsAgainstDecodeOnly() throws Exception {
        List<byte[]> corpus = IntStream.range(0, 40)
                .mapToObj(seed -> TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000))
                .toList();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        // Warm-up of both paths until the JIT has compiled them: an upload runs far more Java than a decode (which is
        // mostly native code), so a short warm-up charges the upload with compilation the decode does not need.
        int warmUp = Integer.getInteger("bench.upload.warmup", 25);
        run(2, 4 * warmUp, i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i % corpus.size()))));
        uploadRound(2, warmUp, corpus);
        int completeThreads = Integer.getInteger("bench.complete.threads", 2);
        int completeWarmUp = Integer.getInteger("bench.complete.warmup", 8);
        run(completeThreads, completeWarmUp, i -> completeCase(corpus, i));

        for (int threads : CONCURRENCY) {
            Run decode = run(
                    threads,
                    40 + 10 * threads,
                    i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i % corpus.size()))));
            Run upload = uploadRound(threads, Math.max(12, 3 * threads), corpus);
            BenchmarkReport.row(
                    "uploads over HTTP at concurrency %d (signed-in sessions, 190 KB pages)".formatted(threads),
                    "%.1f uploads/s, p50 / p95 %d / %d ms, %.0f ms CPU each; ratio %.2f"
                            .formatted(
                                    upload.perSecond,
                                    upload.p50,
                                    upload.p95,
                                    upload.cpuMillis,
                                    upload.perSecond / decode.perSecond),
                    "decode-only %.1f images/s, %.0f ms CPU each".formatted(decode.perSecond, decode.cpuMillis),
                    "ratio ≥ 0.75");
        }
        int completeCases = Integer.getInteger("bench.complete.cases", 24);
        Run decode =
                run(completeThreads, 200, i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i % corpus.size()))));
        Run complete = run(completeThreads, completeCases, i -> completeCase(corpus, completeWarmUp + i));
        BenchmarkReport.row(
                "complete cases end to end on %d threads (register, activate, sign in, 4 uploads, submit, timer, site pass, final pass)"
                        .formatted(completeThreads),
                "%.2f cases/s, %.0f ms CPU each; ratio to decodes/s ÷ 4 %.2f"
                        .formatted(complete.perSecond, complete.cpuMillis, complete.perSecond / (decode.perSecond / 4)),
                "decode-only %.1f images/s, %.0f ms CPU each".formatted(decode.perSecond, decode.cpuMillis),
                "ratio ≥ 0.6");
        BenchmarkReport.row(
                "live heap after a full GC, upload benchmark done",
                BenchmarkReport.heapAfterFullGc() + " MB",
                "—",
                "stays flat");
        ClockUtil.reset();
    }

    /** {@code candidates} new candidates, signed in, each uploading its four materials, on {@code threads} threads. */
    private Run uploadRound(int threads, int candidateCount, List<byte[]> corpus) throws Exception {
        List<WebClient> browsers = IntStream.range(0, candidateCount)
                .mapToObj(i -> BenchmarkUploads.signedIn(port, uploads.candidate(), BenchmarkUploads.PASSWORD))
                .toList();
        int first = ThreadLocalRandom.current().nextInt(corpus.size());
        return run(
                threads,
                4 * candidateCount,
                i -> BenchmarkUploads.upload(
                        browsers.get(i / 4), MATERIALS.get(i % 4), corpus.get((first + i) % corpus.size())));
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private record Run(double perSecond, double cpuMillis, long p50, long p95) {}

    /** {@code count} items on {@code threads} threads: items per second, process CPU per item, latencies. */
    private static Run run(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long[] millis = new long[count];
        long cpu = OS.getProcessCpuTime();
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long itemStarted = System.nanoTime();
                        step.run(i);
                        millis[i] = (System.nanoTime() - itemStarted) / 1_000_000;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (OS.getProcessCpuTime() - cpu) / 1e6 / count;
        Arrays.sort(millis);
        return new Run(count / seconds, cpuMillis, millis[(count - 1) / 2], millis[(int) Math.ceil(count * 0.95) - 1]);
    }

    /**
     * One case from registration to the region's pass: activation as the candidate does it (the SMS code), the four
     * uploads and the submission over HTTP, the review-opening timer, the site's and the region's pass.
     */
    private void completeCase(List<byte[]> corpus, int n) throws Exception {
        Applicant applicant = Applicant.shandongBachelor();
        cases.register(applicant);
        activation.requestCode(applicant.candidateNo, applicant.idNumber);
        activation.activate(
                applicant.candidateNo, applicant.idNumber, candidates.lastCode(applicant), Candidates.PASSWORD);
        WebClient browser = BenchmarkUploads.signedIn(port, applicant, Candidates.PASSWORD);
        for (int m = 0; m < MATERIALS.size(); m++) {
            BenchmarkUploads.upload(browser, MATERIALS.get(m), corpus.get((4 * n + m) % corpus.size()));
        }
        HttpResponse<String> submitted = browser.send("POST", "/api/me/submission", null);
        if (submitted.statusCode() != 200) {
            throw new IllegalStateException("submission answered " + submitted.statusCode() + ": " + submitted.body());
        }
        // the timer as the job executor runs it, without moving the engine clock the other thread works at
        managementService.executeJob(
                cases.timer(cases.instance(applicant.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING)
                        .getId());
        cases.siteReview(applicant, Verdict.pass());
        cases.finalReview(applicant, Verdict.pass());
    }
}

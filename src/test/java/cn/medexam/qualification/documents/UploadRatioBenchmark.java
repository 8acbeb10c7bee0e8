package cn.medexam.qualification.documents;

import cn.medexam.qualification.candidate.ActivationService;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.BenchmarkUploads;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.system.CaseActivities;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: the upload path against its floor, run by hand with {@code ./mvnw test -Dtest=UploadRatioBenchmark}.
 * In one run, on 2 threads, the same photographed pages (about 190 KB, 1000 × 1300 px): ImageIO decode-only
 * ({@code ImageIO.read}) images/s, then uploads/s over HTTP ({@code POST /api/me/materials/{code}/images}), each with
 * the process CPU per image, and the ratio uploads/s ÷ decodes/s. Then complete cases/s on the same 2 threads next
 * to a decode-only run of the same run: each case is registered, activated with the code of its SMS, uploads its four
 * required materials over HTTP and submits over HTTP; the review-opening timer is run by the engine, and the site's
 * and the region's pass are given through {@code ReviewService}. The ratio is cases/s ÷ (decodes/s ÷ 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadRatioBenchmark {

    private static final int THREADS = 2;
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

    @Test
    void uploadsAgainstDecodeOnly() throws Exception {
        List<byte[]> corpus = IntStream.range(0, 40)
                .mapToObj(seed -> TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000))
                .toList();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        int candidates = Integer.getInteger("bench.upload.candidates", 100);
        List<Applicant> applicants = IntStream.range(0, candidates)
                .mapToObj(i -> uploads.candidate())
                .toList();
        HttpClient http = HttpClient.newHttpClient();
        // warm-up of both paths
        run(corpus.size(), i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i))));
        run(8, i -> BenchmarkUploads.upload(http, port, applicants.get(i / 4), MATERIALS.get(i % 4), corpus.get(i)));
        run(2, i -> completeCase(http, corpus, i));
        List<String> rows = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            double[] decode = run(200, i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i % corpus.size()))));
            int first = 8 + round * 100;
            double[] upload = run(
                    100,
                    i -> BenchmarkUploads.upload(
                            http,
                            port,
                            applicants.get(2 + (first + i) / 4 % (candidates - 2)),
                            MATERIALS.get((first + i) % 4),
                            corpus.get((first + i) % corpus.size())));
            rows.add("decode-only %.1f images/s (%.1f ms CPU each) | uploads %.1f/s (%.1f ms CPU each) | ratio %.2f"
                    .formatted(decode[0], decode[1], upload[0], upload[1], upload[0] / decode[0]));
        }
        int completeCases = Integer.getInteger("bench.complete.cases", 16);
        for (int round = 0; round < 2; round++) {
            double[] decode = run(200, i -> ImageIO.read(new ByteArrayInputStream(corpus.get(i % corpus.size()))));
            int first = 2 + round * completeCases;
            double[] complete = run(completeCases, i -> completeCase(http, corpus, first + i));
            rows.add(("decode-only %.1f images/s (%.1f ms CPU each) | complete cases %.2f/s (%.0f ms CPU each)"
                            + " | ratio to decodes/s ÷ 4 %.2f")
                    .formatted(decode[0], decode[1], complete[0], complete[1], complete[0] / (decode[0] / 4)));
        }
        System.out.printf(
                "%n==== UploadRatioBenchmark (%d threads, %d cores) ====%n%s%n=====================================%n%n",
                THREADS, Runtime.getRuntime().availableProcessors(), String.join("\n", rows));
        ClockUtil.reset();
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Items per second and process CPU milliseconds per item, {@code count} items on {@link #THREADS} threads. */
    private static double[] run(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long cpu = OS.getProcessCpuTime();
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
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
        return new double[] {count / seconds, (OS.getProcessCpuTime() - cpu) / 1e6 / count};
    }

    /**
     * One case from registration to the region's pass: activation as the candidate does it (the SMS code), the four
     * uploads and the submission over HTTP, the review-opening timer, the site's and the region's pass.
     */
    private void completeCase(HttpClient http, List<byte[]> corpus, int n) throws Exception {
        Applicant applicant = Applicant.shandongBachelor();
        cases.register(applicant);
        activation.requestCode(applicant.candidateNo, applicant.idNumber);
        activation.activate(
                applicant.candidateNo, applicant.idNumber, candidates.lastCode(applicant), Candidates.PASSWORD);
        for (int m = 0; m < MATERIALS.size(); m++) {
            BenchmarkUploads.upload(
                    http,
                    port,
                    applicant,
                    Candidates.PASSWORD,
                    MATERIALS.get(m),
                    corpus.get((4 * n + m) % corpus.size()));
        }
        BenchmarkUploads.post(
                http,
                port,
                applicant,
                Candidates.PASSWORD,
                "/api/me/submission",
                HttpRequest.BodyPublishers.noBody(),
                "",
                200);
        // the timer as the job executor runs it, without moving the engine clock the other thread works at
        managementService.executeJob(
                cases.timer(cases.instance(applicant.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING)
                        .getId());
        cases.siteReview(applicant, Verdict.pass());
        cases.finalReview(applicant, Verdict.pass());
    }
}

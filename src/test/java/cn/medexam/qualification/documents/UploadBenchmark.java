package cn.medexam.qualification.documents;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.BenchmarkUploads;
import cn.medexam.qualification.support.CaseDriver;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not a test: a benchmark, run by hand with {@code mvn test -Dtest=UploadBenchmark}. It prints
 * <ol>
 * <li>the image checks' throughput on photographed document pages (about 150 KB, 1000 × 1300 px), on one thread
 * and on as many threads as there are cores;</li>
 * <li>upload latency (p50, p95, max) over HTTP when 50 candidates upload their four required materials at the
 * same time against the app on a random port (H2 in memory).</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadBenchmark {

    private static final int CANDIDATES = 50;
    private static final List<String> MATERIALS =
            List.of("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE");

    @LocalServerPort
    int port;

    @Autowired
    ImageInspector inspector;

    @Autowired
    CaseDriver cases;

    @Autowired
    BenchmarkUploads uploads;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void imageChecksAndUploadsUnderLoad() throws Exception {
        List<byte[]> corpus = IntStream.range(0, 40)
                .mapToObj(seed -> TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000))
                .toList();
        int cores = Runtime.getRuntime().availableProcessors();
        double single = checksPerSecond(corpus, 1, 200);
        double parallel = checksPerSecond(corpus, cores, 400);

        cases.clockAt(CaseDriver.DURING_UPLOAD);
        List<Applicant> applicants = IntStream.range(0, CANDIDATES)
                .mapToObj(i -> uploads.candidate())
                .toList();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService browsers = Executors.newFixedThreadPool(CANDIDATES);
        long started = System.nanoTime();
        try {
            List<Future<?>> sessions = new ArrayList<>();
            for (int c = 0; c < applicants.size(); c++) {
                Applicant applicant = applicants.get(c);
                int first = c;
                sessions.add(browsers.submit(() -> {
                    for (int m = 0; m < MATERIALS.size(); m++) {
                        latencies.add(BenchmarkUploads.upload(
                                http, port, applicant, MATERIALS.get(m), corpus.get((first + m) % corpus.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> session : sessions) {
                session.get();
            }
        } finally {
            browsers.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();

        System.out.printf(
                """

                ==== UploadBenchmark (%d cores, max heap %d MB) ====
                image checks, 1 thread:   %.1f images/s
                image checks, %d threads:  %.1f images/s
                uploads: %d candidates x %d images = %d uploads in %.1f s (%.1f uploads/s)
                upload latency p50 %d ms, p95 %d ms, max %d ms
                ===================================================
                %n""",
                cores,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                single,
                cores,
                parallel,
                CANDIDATES,
                MATERIALS.size(),
                sorted.size(),
                seconds,
                sorted.size() / seconds,
                percentile(sorted, 50),
                percentile(sorted, 95),
                sorted.get(sorted.size() - 1));
    }

    private double checksPerSecond(List<byte[]> corpus, int threads, int checks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < checks; i++) {
                byte[] image = corpus.get(i % corpus.size());
                runs.add(pool.submit(() -> inspector.inspect(image, false)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            return checks / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}

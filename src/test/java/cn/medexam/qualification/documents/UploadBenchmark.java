package cn.medexam.qualification.documents;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.system.ReviewGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
    private static final String PASSWORD = "Benchmark2026";

    @LocalServerPort
    int port;

    @Autowired
    ImageInspector inspector;

    @Autowired
    CaseDriver cases;

    @Autowired
    IdentityService identityService;

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
        List<Applicant> applicants =
                IntStream.range(0, CANDIDATES).mapToObj(i -> candidate()).toList();
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
                        latencies.add(
                                upload(http, applicant, MATERIALS.get(m), corpus.get((first + m) % corpus.size())));
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

    /** A registered candidate with an account (activation itself is not what is measured here). */
    private Applicant candidate() {
        Applicant applicant = Applicant.shandongBachelor();
        cases.register(applicant);
        User user = identityService.newUser(applicant.candidateNo);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(applicant.candidateNo, ReviewGroups.CANDIDATES);
        return applicant;
    }

    private long upload(HttpClient http, Applicant applicant, String material, byte[] image) throws Exception {
        String boundary = UUID.randomUUID().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/me/materials/" + material + "/images"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((applicant.candidateNo + ":" + PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, image, tail)))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}

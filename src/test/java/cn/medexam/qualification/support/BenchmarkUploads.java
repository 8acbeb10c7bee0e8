package cn.medexam.qualification.support;

import cn.medexam.qualification.system.ReviewGroups;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * What the upload benchmarks share: registered candidates with an account (the activation by SMS is not what they
 * measure), and an upload over real HTTP to the running server, as a browser sends it.
 */
@Component
public class BenchmarkUploads {

    public static final String PASSWORD = "Benchmark2026";

    private final CaseDriver cases;
    private final IdentityService identityService;

    BenchmarkUploads(CaseDriver cases, IdentityService identityService) {
        this.cases = cases;
        this.identityService = identityService;
    }

    /** A registered candidate with an account and {@link #PASSWORD}. */
    public Applicant candidate() {
        Applicant applicant = Applicant.shandongBachelor();
        cases.register(applicant);
        User user = identityService.newUser(applicant.candidateNo);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(applicant.candidateNo, ReviewGroups.CANDIDATES);
        return applicant;
    }

    /** The candidate's browser, signed in on the login page with {@code password}. */
    public static WebClient signedIn(int port, Applicant applicant, String password) {
        return new WebClient(port).logIn(applicant.candidateNo, password);
    }

    /**
     * Uploads the image for the material in the candidate's signed-in browser, as the candidate's page does; fails
     * unless it is kept (201). The milliseconds it took.
     */
    public static long upload(WebClient candidate, String material, byte[] image) {
        long started = System.nanoTime();
        HttpResponse<String> response =
                candidate.upload("/api/me/materials/" + material + "/images", "page.jpg", "image/jpeg", image);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    material + " upload answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    /** Uploads the image for the material as the candidate; fails unless it is kept (201). The milliseconds it took. */
    public static long upload(HttpClient http, int port, Applicant applicant, String material, byte[] image)
            throws Exception {
        return upload(http, port, applicant, PASSWORD, material, image);
    }

    /** The same, for a candidate whose password is {@code password}. */
    public static long upload(
            HttpClient http, int port, Applicant applicant, String password, String material, byte[] image)
            throws Exception {
        String boundary = UUID.randomUUID().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return post(
                http,
                port,
                applicant,
                password,
                "/api/me/materials/" + material + "/images",
                HttpRequest.BodyPublishers.ofByteArrays(List.of(head, image, tail)),
                "multipart/form-data; boundary=" + boundary,
                201);
    }

    /** A POST as the candidate with HTTP Basic; fails unless it answers {@code expected}. The milliseconds it took. */
    public static long post(
            HttpClient http,
            int port,
            Applicant applicant,
            String password,
            String path,
            HttpRequest.BodyPublisher body,
            String contentType,
            int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((applicant.candidateNo + ":" + password)
                                                .getBytes(StandardCharsets.UTF_8)))
                .POST(body);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }
}

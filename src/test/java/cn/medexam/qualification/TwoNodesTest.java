package cn.medexam.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.documents.MaterialPhotos;
import cn.medexam.qualification.notification.MessageKinds;
import cn.medexam.qualification.support.AppNode;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.PostgreSqlOnly;
import cn.medexam.qualification.support.SmsProviderStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 12 part 4 and issue 16 item 4: two application nodes, each the packaged application in a JVM of its own on
 * a random port, share one fresh PostgreSQL database (the build's PostgreSQL server, database
 * {@code <test database>_nodes}) and the SMS provider (the stub). Through the application's HTTP API, alternating
 * between the nodes, candidates register, activate with the code their phone receives, upload, submit; reviewers
 * pass them at the site and the region; a reminder timer comes due for everyone who has not submitted. Then node B
 * is killed with SIGKILL while it is in the middle of sending SMS (the provider answers slowly): node A takes its
 * locked jobs over once their lock (1 minute) has run out, and nothing is lost or done twice: every job succeeded
 * exactly once (the engine's job log), every SMS reached the provider exactly once (the stub's count per OutId),
 * every in-app message is there once.
 */
@Tag("engine")
@ExtendWith(PostgreSqlOnly.class)
class TwoNodesTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesTest.class);

    /** camunda.bpm.job-execution.lock-time-in-millis in application.yaml: the lock of a case's jobs. */
    private static final Duration CASE_WORK_LOCK = Duration.ofMinutes(1);
    /** Camunda's longest sleep of an idle job acquisition (max-wait, 60 s) before it looks for due jobs again. */
    private static final Duration LONGEST_IDLE_WAIT = Duration.ofMinutes(1);

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ADMIN = "nodes-admin";
    private static final String REGISTRAR = "nodes-registrar";
    private static final String SITE_REVIEWER = "nodes-reviewer-3701";
    private static final String REGION_REVIEWER = "nodes-reviewer-shandong";
    private static final String PASSWORD = "Nodes-Passw0rd1";
    private static final String CANDIDATE_PASSWORD = "Kaosheng2026";
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static JdbcClient db;
    private static AppNode a;
    private static AppNode b;
    /** "node-a upload" → how many such requests that node answered as asked. */
    private static final Map<String, Integer> served = new ConcurrentHashMap<>();

    private final Map<String, byte[]> photos = new LinkedHashMap<>();

    @BeforeAll
    static void twoNodesOnOneFreshDatabase() throws Exception {
        String url = System.getProperty("spring.datasource.url");
        String user = System.getProperty("spring.datasource.username");
        String password = System.getProperty("spring.datasource.password", "");
        Matcher parts = DATABASE.matcher(url);
        assertThat(parts.matches()).as("a PostgreSQL JDBC URL: " + url).isTrue();
        String database = parts.group(2) + "_nodes";
        String nodesUrl = parts.group(1) + database + (parts.group(3) == null ? "" : parts.group(3));
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        db = JdbcClient.create(new DriverManagerDataSource(nodesUrl, user, password));
        SmsProviderStub.reset();

        Path jar = Path.of(System.getProperty("qr.test.app-jar", "target/qualification-review-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as("the packaged application (./mvnw verify packages it before this test)")
                .exists();
        Path logs = Path.of("target", "two-nodes");
        List<String> arguments = arguments(nodesUrl, user, password);
        a = AppNode.start(jar, "node-a", logs, arguments).awaitStarted(STARTUP);
        awaitServing(a); // the first node made the engine's tables and the administrator
        b = AppNode.start(jar, "node-b", logs, arguments).awaitStarted(STARTUP);
        awaitServing(b);
        log.info("node-a on port {}, node-b on port {}, database {}", a.port(), b.port(), database);
    }

    @AfterAll
    static void stopTheNodes() {
        for (AppNode node : new AppNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void bothNodesServeEveryJobRunsOnceAndAKilledNodesWorkIsTakenOverAfterItsLock() throws Exception {
        AppNode[] nodes = {a, b};
        Instant reminderDue = campaignWithAnUploadReminderIn(Duration.ofSeconds(100));
        List<Applicant> all =
                IntStream.range(0, 8).mapToObj(TwoNodesTest::candidate).toList();
        List<Applicant> reviewed = all.subList(0, 3);
        List<Applicant> idle = all.subList(3, 5);
        List<Applicant> late = all.subList(5, 8);

        // --- both nodes up: three candidates all the way through, on both nodes --------------------------------
        staffAccount(a, REGISTRAR, "registrars");
        register(a, reviewed.get(0)); // the first registration of site 3701 makes its reviewer groups
        staffAccount(b, SITE_REVIEWER, "site-3701");
        staffAccount(b, REGION_REVIEWER, "region-SHANDONG");
        for (Applicant candidate : reviewed) {
            int i = all.indexOf(candidate);
            register(nodes[i % 2], candidate);
            activate(candidate, nodes[i % 2], nodes[(i + 1) % 2]);
            uploadEverything(candidate, nodes);
            submit(nodes[(i + 1) % 2], candidate);
        }
        for (Applicant candidate : reviewed) {
            int i = all.indexOf(candidate);
            decide(nodes[i % 2], SITE_REVIEWER, candidate, "SITE");
            decide(nodes[(i + 1) % 2], REGION_REVIEWER, candidate, "REGION");
        }
        for (Applicant candidate : union(idle, late)) {
            int i = all.indexOf(candidate);
            register(nodes[i % 2], candidate);
            activate(candidate, nodes[(i + 1) % 2], nodes[i % 2]);
        }
        for (Applicant candidate : late) {
            uploadEverything(candidate, nodes);
        }
        // the reminder timers of everyone who has not submitted come due at one moment, on two nodes
        awaitUntil(
                "upload reminders",
                Duration.between(Instant.now(), reminderDue).plusMinutes(2),
                () -> union(idle, late).stream().allMatch(c -> messages(c, "UPLOAD_REMINDER") == 1));
        awaitEverySmsSent(Duration.ofMinutes(3));

        // --- node B killed while it sends ------------------------------------------------------------------------
        SmsProviderStub.slowAccept(Duration.ofSeconds(3)); // within the 5 s read timeout: slow, accepted
        for (Applicant candidate : late) {
            submit(b, candidate);
        }
        awaitUntil(
                "node-b in the middle of an SMS",
                Duration.ofMinutes(1),
                () -> db.sql("""
                        SELECT COUNT(*) FROM sms_attempt WHERE node = 'node-b' AND outcome IS NULL""").query(Long.class).single() > 0);
        Map<String, Instant> heldByB = locks("node-b");
        Instant killedAt = Instant.now();
        b.kill();
        log.info("node-b killed at {} holding {} jobs: {}", killedAt, heldByB.size(), heldByB);
        SmsProviderStub.accepts();
        assertThat(heldByB).isNotEmpty();
        assertThat(heldByB.values())
                .allSatisfy(lockedUntil -> assertThat(lockedUntil)
                        .isBefore(killedAt.plus(CASE_WORK_LOCK).plusSeconds(1)));

        Duration bound = CASE_WORK_LOCK.plus(LONGEST_IDLE_WAIT).plusSeconds(30);
        awaitUntil(
                "node-a to finish the jobs node-b held",
                bound,
                () -> db.sql("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN (:ids)")
                                .param("ids", heldByB.keySet())
                                .query(Long.class)
                                .single()
                        == 0);
        Duration takeover = Duration.between(killedAt, lastSuccess(heldByB.keySet(), "node-a"));
        log.info("node-a took over node-b's jobs {} s after the kill (lock {} s)", takeover.toSeconds(), 60);
        assertThat(firstSuccess(heldByB.keySet(), "node-a"))
                .as("node-b's locks were kept until they ran out")
                .isAfterOrEqualTo(
                        heldByB.values().stream().min(Instant::compareTo).orElseThrow());

        for (Applicant candidate : late) {
            decide(a, SITE_REVIEWER, candidate, "SITE");
            decide(a, REGION_REVIEWER, candidate, "REGION");
        }
        awaitEverySmsSent(Duration.ofMinutes(3));

        // --- what the database and the provider say -------------------------------------------------------------
        Map<String, Long> jobsPerNode = new TreeMap<>();
        db.sql("SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_")
                .query((rs, row) -> jobsPerNode.put(rs.getString(1), rs.getLong(2)))
                .list();
        // the engine's history cleanup job is one job that reschedules itself: inside its nightly window (01:00-05:00,
        // application.yaml) it succeeds once a run under the same id
        List<String> twice = db.sql("""
                        SELECT job_id_ FROM act_hi_job_log
                         WHERE job_state_ = 2 AND job_def_type_ <> 'history-cleanup'
                         GROUP BY job_id_ HAVING COUNT(*) > 1""").query(String.class).list();
        long dueLeft = db.sql("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= ?")
                .param(Timestamp.from(Instant.now().minusSeconds(5)))
                .query(Long.class)
                .single();
        List<String> outbox =
                db.sql("SELECT id FROM sms_outbox").query(String.class).list();
        Map<String, Long> smsPerMessage = new TreeMap<>();
        outbox.forEach(id -> smsPerMessage.put(id, SmsProviderStub.sendSmsCount(id)));
        List<String> doubleMessages = db.sql("""
                        SELECT candidate_no || ' ' || kind FROM candidate_message
                         GROUP BY candidate_no, kind HAVING COUNT(*) > 1""").query(String.class).list();
        long foundAfterTheKill = db.sql("SELECT COUNT(*) FROM sms_attempt WHERE node = 'node-b' AND outcome = 'FOUND'")
                .query(Long.class)
                .single();
        log.info(
                "two nodes: requests served {}, jobs succeeded per node {}, SMS {} for {} messages, takeover {} s",
                new TreeMap<>(served),
                jobsPerNode,
                SmsProviderStub.sent().size(),
                outbox.size(),
                takeover.toSeconds());

        assertThat(served).containsKeys("node-a upload", "node-b upload", "node-a decision", "node-b decision");
        assertThat(jobsPerNode).containsKeys("node-a", "node-b");
        assertThat(twice).as("jobs that succeeded twice").isEmpty();
        assertThat(dueLeft).as("due jobs left undone").isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM act_ru_incident")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(heldByB.keySet())
                .allSatisfy(job -> assertThat(successes(job)).isOne());
        assertThat(db.sql("SELECT COUNT(*) FROM sms_outbox WHERE status <> 'SENT'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(smsPerMessage)
                .as("SMS at the provider per message")
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(SmsProviderStub.sent()).hasSameSizeAs(outbox);
        assertThat(foundAfterTheKill)
                .as("the SMS node-b was sending when it died was found at the provider, not sent again")
                .isPositive();
        assertThat(doubleMessages).as("in-app messages there twice").isEmpty();
        for (Applicant candidate : union(reviewed, late)) {
            assertThat(List.of(
                            messages(candidate, "SUBMITTED"),
                            messages(candidate, "SITE_PASSED"),
                            messages(candidate, "FINAL_PASSED")))
                    .as(candidate.candidateNo)
                    .containsOnly(1L);
        }
        for (Applicant candidate : union(idle, late)) {
            assertThat(messages(candidate, "UPLOAD_REMINDER")).isOne();
        }
        assertThat(takeover).isLessThanOrEqualTo(bound);
    }

    // --- the people, through the API --------------------------------------------------------------------------

    private static Applicant candidate(int i) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.phone = "139" + String.format("%08d", 20_000_000 + i);
        return applicant;
    }

    /**
     * Shandong 2026 with uploads open until tomorrow and the review open already, and the reminder lead chosen so
     * that the upload reminder comes due {@code in} from now. @return when it comes due
     */
    private Instant campaignWithAnUploadReminderIn(Duration in) {
        LocalDate today = LocalDate.now(ZONE);
        Instant uploadsEnd = today.plusDays(2).atStartOfDay(ZONE).toInstant(); // end of the last upload day
        Instant reminder = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("uploadOpens", today.minusDays(1).toString());
        campaign.put("uploadCloses", today.plusDays(1).toString());
        campaign.put("reminderLead", Duration.between(reminder, uploadsEnd).toString());
        campaign.put("reviewOpens", today.minusDays(1).toString());
        campaign.put("resubmissionDeadline", today.plusDays(5).toString());
        campaign.put("finalReviewEnds", today.plusDays(10).toString());
        expect(call(a, "PUT", "/api/admin/campaigns/SHANDONG/2026", ADMIN, PASSWORD, json(campaign)), 200, 201);
        return reminder;
    }

    private void register(AppNode node, Applicant candidate) {
        expect(call(node, "POST", "/api/registrations", REGISTRAR, PASSWORD, json(candidate.registration())), 201, 200);
    }

    /** A staff account in its group, made by the administrator as Camunda Admin makes it. */
    private void staffAccount(AppNode node, String id, String group) {
        Map<String, Object> user = Map.of(
                "profile", Map.of("id", id, "firstName", id, "lastName", "", "email", ""),
                "credentials", Map.of("password", PASSWORD));
        expect(call(node, "POST", "/engine-rest/user/create", ADMIN, PASSWORD, json(user)), 204);
        expect(call(node, "PUT", "/engine-rest/group/" + group + "/members/" + id, ADMIN, PASSWORD, null), 204);
    }

    /** Asks for the code on one node, reads it on the phone (the provider's SMS), activates on the other. */
    private void activate(Applicant candidate, AppNode asksOn, AppNode activatesOn) {
        Map<String, Object> who = Map.of("candidateNo", candidate.candidateNo, "idNumber", candidate.idNumber);
        expect(call(asksOn, "POST", "/api/candidate/activation/code", null, null, json(who)), 202);
        String[] code = new String[1];
        awaitUntil("the activation code SMS to " + candidate.phone, Duration.ofMinutes(2), () -> {
            code[0] = SmsProviderStub.sent().stream()
                    .filter(sent -> sent.phone().equals(candidate.phone))
                    .filter(sent -> sent.templateCode().equals("SMS_ACTIVATION_CODE"))
                    .map(sent -> sent.templateParam().get("code"))
                    .reduce((first, second) -> second)
                    .orElse(null);
            return code[0] != null;
        });
        Map<String, Object> activation = new LinkedHashMap<>(who);
        activation.put("code", code[0]);
        activation.put("password", CANDIDATE_PASSWORD);
        expect(call(activatesOn, "POST", "/api/candidate/activation", null, null, json(activation)), 204);
    }

    /** One image per required material, each on the next node. */
    private void uploadEverything(Applicant candidate, AppNode[] nodes) throws IOException {
        JsonNode myCase = JSON.readTree(
                expect(call(a, "GET", "/api/me/case", candidate.candidateNo, CANDIDATE_PASSWORD, null), 200));
        int i = 0;
        for (JsonNode material : myCase.path("checklist")) {
            if (material.path("required").asBoolean()) {
                String code = material.path("code").asText();
                AppNode node = nodes[i++ % 2];
                expect(upload(node, candidate, code, photo(code)), 201);
                served.merge(node.name() + " upload", 1, Integer::sum);
            }
        }
    }

    private void submit(AppNode node, Applicant candidate) {
        expect(call(node, "POST", "/api/me/submission", candidate.candidateNo, CANDIDATE_PASSWORD, null), 200);
    }

    /** Waits for the review round to open (a timer, on either node), then passes the candidate in it. */
    private void decide(AppNode node, String reviewer, Applicant candidate, String round) {
        awaitUntil("the " + round + " review of " + candidate.candidateNo, Duration.ofMinutes(2), () -> {
            Answer view = call(node, "GET", "/api/review/cases/" + candidate.candidateNo, reviewer, PASSWORD, null);
            return view.status() == 200 && view.body().contains("\"openReview\":\"" + round + "\"");
        });
        expect(
                call(
                        node,
                        "POST",
                        "/api/review/cases/" + candidate.candidateNo + "/decision",
                        reviewer,
                        PASSWORD,
                        "{\"outcome\":\"PASS\"}"),
                200);
        served.merge(node.name() + " decision", 1, Integer::sum);
    }

    private byte[] photo(String material) {
        return photos.computeIfAbsent(material, code -> MaterialPhotos.sharpPage(code.hashCode()));
    }

    // --- the database ------------------------------------------------------------------------------------------

    private static long messages(Applicant candidate, String kind) {
        return db.sql("SELECT COUNT(*) FROM candidate_message WHERE candidate_no = ? AND kind = ?")
                .params(candidate.candidateNo, kind)
                .query(Long.class)
                .single();
    }

    /** The jobs a node has locked now, with the end of each lock. */
    private static Map<String, Instant> locks(String node) {
        Map<String, Instant> locks = new TreeMap<>();
        db.sql("SELECT id_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ = ? AND lock_exp_time_ > ?")
                .params(node, Timestamp.from(Instant.now()))
                .query((rs, row) ->
                        locks.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return locks;
    }

    private static long successes(String jobId) {
        return db.sql("SELECT COUNT(*) FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2")
                .param(jobId)
                .query(Long.class)
                .single();
    }

    private static Instant lastSuccess(Set<String> jobIds, String node) {
        return success(jobIds, node, "MAX");
    }

    private static Instant firstSuccess(Set<String> jobIds, String node) {
        return success(jobIds, node, "MIN");
    }

    private static Instant success(Set<String> jobIds, String node, String which) {
        Timestamp at = db.sql("SELECT " + which + "(timestamp_) FROM act_hi_job_log"
                        + " WHERE job_id_ IN (:ids) AND job_state_ = 2 AND hostname_ = :node")
                .param("ids", jobIds)
                .param("node", node)
                .query(Timestamp.class)
                .single();
        assertThat(at).as("a job of " + jobIds + " run by " + node).isNotNull();
        return at.toInstant();
    }

    private static void awaitEverySmsSent(Duration limit) {
        awaitUntil(
                "every SMS sent",
                limit,
                () -> db.sql("SELECT COUNT(*) FROM sms_outbox WHERE status <> 'SENT'")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private static List<String> arguments(String url, String user, String password) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--qr.first-admin.id=" + ADMIN,
                "--qr.first-admin.password=" + PASSWORD,
                "--qr.sms.gateway=aliyun",
                "--qr.sms.aliyun.endpoint=" + SmsProviderStub.endpoint(),
                "--qr.sms.aliyun.access-key-id=LTAI-nodes",
                "--qr.sms.aliyun.access-key-secret=nodes-secret",
                "--qr.sms.aliyun.sign-name=QR-NODES",
                "--qr.retention.cron=-",
                // the build's other tests hold connections to the same server: a small pool per node
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.datasource.hikari.minimum-idle=1"));
        MessageKinds.everySms()
                .forEach(kind -> arguments.add("--qr.sms.aliyun.template-codes." + kind + "=SMS_" + kind));
        return arguments;
    }

    private static void awaitServing(AppNode node) {
        awaitUntil(
                node.name() + " serving its administrator",
                Duration.ofMinutes(1),
                () -> call(node, "GET", "/api/admin/campaigns", ADMIN, PASSWORD, null)
                                .status()
                        == 200);
    }

    record Answer(int status, String body) {}

    private static Answer call(AppNode node, String method, String path, String user, String password, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(authorised(request, user, password));
    }

    private static Answer upload(AppNode node, Applicant candidate, String material, byte[] jpeg) throws IOException {
        String boundary = "----qr-two-nodes-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + material
                        + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(jpeg);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/api/me/materials/" + material + "/images"))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(authorised(request, candidate.candidateNo, CANDIDATE_PASSWORD));
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(Answer answer, int... statuses) {
        assertThat(answer.status())
                .as(answer.body())
                .isIn(IntStream.of(statuses).boxed().toList());
        return answer.body();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUntil(String what, Duration limit, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(100))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "\n--- node-a:\n" + tail(a)
                    + "\n--- node-b:\n" + tail(b));
        }
    }

    private static String tail(AppNode node) {
        if (node == null) {
            return "";
        }
        String console = node.console();
        return console.length() <= 3000 ? console : console.substring(console.length() - 3000);
    }

    private static List<Applicant> union(List<Applicant> first, List<Applicant> second) {
        List<Applicant> union = new ArrayList<>(first);
        union.addAll(second);
        return union;
    }
}

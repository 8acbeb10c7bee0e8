package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.DatabaseAvailable;
import cn.medexam.qualification.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploads no browser sends, over a real socket so that Tomcat's multipart parser sees them: each is answered 400 with
 * a Chinese message, logged in one line without a stack trace, and stores nothing.
 */
@Tag("engine")
@ExtendWith({DatabaseAvailable.class, OutputCaptureExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MalformedUploadTest {

    private static final String BOUNDARY = "----qr-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    CaseDriver cases;

    @Autowired
    Candidates candidates;

    @Autowired
    JdbcClient jdbc;

    Applicant applicant = Applicant.shandongBachelor();
    RawHttp client;

    @BeforeEach
    void aCandidateWithAnOpenUploadTask() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        candidates.activated(applicant);
        client = RawHttp.fromNewAddress(port);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aFileNameWithANulCharacter(CapturedOutput log) throws Exception {
        refusedAsMalformed(
                log, () -> upload(part("file", "diploma\u0000.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8}) + end()));
    }

    @Test
    void morePartsThanAnyUploadHas(CapturedOutput log) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("--")
                    .append(BOUNDARY)
                    .append("\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append(part("file", "diploma.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .append(end());
        refusedAsMalformed(log, () -> upload(body.toString()));
    }

    @Test
    void aBodyCutOffBeforeItsEnd(CapturedOutput log) throws Exception {
        String body = part("file", "diploma.jpg", new byte[200]);
        String head = "POST /api/me/materials/DIPLOMA/images HTTP/1.1\r\nHost: " + client.host() + "\r\n"
                + "Authorization: " + basic() + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + (body.length() + 5_000) + "\r\nConnection: close\r\n\r\n";

        refusedAsMalformed(
                log,
                () -> client.exchange(
                        head.getBytes(StandardCharsets.ISO_8859_1), body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aBodyWithoutItsClosingBoundary(CapturedOutput log) throws Exception {
        refusedAsMalformed(log, () -> upload(part("file", "diploma.jpg", new byte[200])));
    }

    private interface Request {
        RawHttp.Response send() throws Exception;
    }

    private void refusedAsMalformed(CapturedOutput log, Request request) throws Exception {
        int logged = log.getOut().length();

        RawHttp.Response answer = request.send();

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"BAD_MULTIPART\"").contains("请重新选择图片上传");
        String logOfTheRequest = log.getOut().substring(logged);
        assertThat(logOfTheRequest).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(logOfTheRequest.lines().filter(line -> line.contains("malformed upload refused")))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM material_image WHERE candidate_no = ?")
                        .param(applicant.candidateNo)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private RawHttp.Response upload(String body) throws Exception {
        return client.send(
                "POST",
                "/api/me/materials/DIPLOMA/images",
                "multipart/form-data; boundary=" + BOUNDARY,
                body.getBytes(StandardCharsets.ISO_8859_1),
                "Authorization: " + basic());
    }

    private String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (applicant.candidateNo + ":" + Candidates.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String part(String name, String fileName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(content);
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }
}

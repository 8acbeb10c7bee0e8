package cn.medexam.qualification.documents;

import static cn.medexam.qualification.documents.TestImages.ID_BLUE;
import static cn.medexam.qualification.documents.TestImages.WHITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.EngineTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 医考报名照片检测, public: the upload's ID-photo checks, answered as {ok, code, message}; nothing stored, nothing else
 * told; one client address gets 20 checks per 10 minutes, then 429 in Chinese.
 */
@EngineTest
@AutoConfigureMockMvc
class PhotoCheckTest {

    private static final byte[] GOOD_PHOTO = TestImages.jpegAtMost(TestImages.idPhoto(390, 567, WHITE, 3), 29_000);
    private static final byte[] BLUE_PHOTO = TestImages.jpegAtMost(TestImages.idPhoto(390, 567, ID_BLUE, 3), 29_000);

    @Autowired
    Api api;

    @Autowired
    MaterialUploads uploads;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGoodPhotoPassesWithoutAnAccountAndNothingIsKept() throws Exception {
        int images = jdbc.sql("SELECT COUNT(*) FROM material_image")
                .query(Integer.class)
                .single();

        JsonNode answer = check(GOOD_PHOTO, "127.20.0.1", 200);

        assertThat(answer.properties()).extracting(e -> e.getKey()).containsExactly("ok", "code", "message");
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("code").asText()).isEqualTo("OK");
        assertThat(answer.path("message").asText()).contains("符合");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM material_image")
                        .query(Integer.class)
                        .single())
                .isEqualTo(images);
    }

    @Test
    void aRefusedPhotoIsToldWhatTheUploadWouldSay() throws Exception {
        byte[][] photos = {
            BLUE_PHOTO,
            TestImages.png(TestImages.idPhoto(240, 349, WHITE, 3)),
            TestImages.jpegAtMost(TestImages.idPhoto(350, 450, WHITE, 3), 29_000),
            "not an image".getBytes(StandardCharsets.UTF_8),
            new byte[0]
        };
        String address = "127.20.0.2";
        for (byte[] photo : photos) {
            ImageRejection expected = rejectionOnUpload(photo);

            JsonNode answer = check(photo, address, 200);

            assertThat(answer.path("ok").asBoolean()).isFalse();
            assertThat(answer.path("code").asText()).isEqualTo(expected.name());
            assertThat(answer.path("message").asText()).isEqualTo(expected.message());
        }
        assertThat(check(BLUE_PHOTO, address, 200).path("code").asText()).isEqualTo("PHOTO_BACKGROUND");
    }

    @Test
    void oneAddressGetsTwentyChecksInTenMinutesThenAChineseRefusal() throws Exception {
        String address = "127.20.0.3";
        for (int i = 0; i < PhotoCheckController.CHECKS_PER_ADDRESS; i++) {
            check(BLUE_PHOTO, address, 200);
        }

        MvcResult refused = api.perform(request(GOOD_PHOTO, address), 429);

        JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(answer.path("message").asText()).startsWith("照片检测过于频繁，请").endsWith("分钟后再试");
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        check(GOOD_PHOTO, "127.20.0.4", 200); // another address is not held up
    }

    @Test
    void theCheckAnswersNothingElse() throws Exception {
        // no file part: refused in Chinese; only the POST is open, the rest of the API still wants a login
        api.anonymous(
                multipart("/api/photo-check").file(new MockMultipartFile("photo", "a.jpg", "image/jpeg", GOOD_PHOTO)),
                400);
        api.anonymous(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/photo-check"), 401);
        api.anonymous(
                multipart("/api/photo-check/x").file(new MockMultipartFile("file", "a.jpg", "image/jpeg", GOOD_PHOTO)),
                401);
        api.anonymous(
                multipart("/api/me/materials/PHOTO/images")
                        .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", GOOD_PHOTO)),
                401);
    }

    @Test
    void aCandidatesBrowserSessionMayCheckTooWithoutTheCsrfHeader() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        api.perform(request(GOOD_PHOTO, "127.20.0.5").session(session), 200);
    }

    private ImageRejection rejectionOnUpload(byte[] photo) {
        try {
            uploads.inspect("PHOTO", photo);
            throw new AssertionError("the upload accepts it");
        } catch (ImageRejectedException e) {
            return e.rejection();
        }
    }

    private JsonNode check(byte[] photo, String address, int status) throws Exception {
        return api.anonymous(request(photo, address), status);
    }

    private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request(
            byte[] photo, String address) {
        org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request = multipart(
                        "/api/photo-check")
                .file(new MockMultipartFile("file", "photo.jpg", MediaType.IMAGE_JPEG_VALUE, photo));
        request.with(Candidates.fromAddress(address));
        return request;
    }
}

package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.review.ReviewStage;
import cn.medexam.qualification.review.Verdict;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** A candidate uploads, deletes and submits through /api/me; every image is checked and kept at once. */
@EngineTest
@AutoConfigureMockMvc
class MaterialUploadApiTest {

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @Autowired
    MaterialUploads uploads;

    @Autowired
    ReviewService reviews;

    /** Drawing and compressing a page takes a while: the class shares eight. */
    private static final List<byte[]> PHOTOS = LongStream.range(0, 8)
            .mapToObj(seed -> TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000))
            .toList();

    Applicant applicant = Applicant.shandongBachelor();
    long seed;

    @BeforeEach
    void activatedCandidateDuringUpload() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        candidates.activated(applicant);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUploadIsCheckedKeptAndShownUnlocked() throws Exception {
        byte[] diploma = documentPhoto();

        JsonNode uploaded = upload("DIPLOMA", "毕业证.jpg", diploma, 201);

        assertThat(uploaded.path("status").asText()).isEqualTo("UNLOCKED");
        assertThat(uploaded.path("bytes").asInt()).isEqualTo(diploma.length);
        JsonNode material = material(myCase(), "DIPLOMA");
        assertThat(material.path("images")).hasSize(1);
        assertThat(material.path("images").get(0).path("id").asText())
                .isEqualTo(uploaded.path("id").asText());
        MvcResult image = api.perform(
                get("/api/me/materials/DIPLOMA/images/" + uploaded.path("id").asText())
                        .with(httpBasic(applicant.candidateNo, Candidates.PASSWORD)),
                200);
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(diploma);
        assertThat(image.getResponse().getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theSameBytesTwiceAreOneImage() throws Exception {
        byte[] diploma = documentPhoto();

        String first = upload("DIPLOMA", "a.jpg", diploma, 201).path("id").asText();
        String again = upload("DIPLOMA", "b.jpg", diploma, 201).path("id").asText();

        assertThat(again).isEqualTo(first);
        assertThat(material(myCase(), "DIPLOMA").path("images")).hasSize(1);
    }

    @Test
    void reSendingAnImageOfAFullMaterialAnswersAsTheFirstTime() throws Exception {
        upload("PROBATION_CERT", "p1.jpg", documentPhoto(), 201);
        byte[] second = documentPhoto();
        JsonNode first = upload("PROBATION_CERT", "p2.jpg", second, 201);

        JsonNode again = upload("PROBATION_CERT", "p2-again.jpg", second, 201);

        assertThat(again).isEqualTo(first);
        assertThat(material(myCase(), "PROBATION_CERT").path("images")).hasSize(2);
    }

    @Test
    void fiveIdenticalUploadsAtOnceKeepOneImageAndAnswerItFiveTimes() throws Exception {
        upload("PROBATION_CERT", "p1.jpg", documentPhoto(), 201);
        byte[] last = documentPhoto();

        List<JsonNode> answers = atOnce(5, () -> upload("PROBATION_CERT", "p2.jpg", last, 201));

        assertThat(answers).hasSize(5).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        JsonNode images = material(myCase(), "PROBATION_CERT").path("images");
        assertThat(images).hasSize(2);
        assertThat(images.findValuesAsText("id"))
                .containsOnlyOnce(answers.get(0).path("id").asText());

        List<JsonNode> resent = atOnce(5, () -> upload("PROBATION_CERT", "p2.jpg", last, 201));

        assertThat(resent).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(material(myCase(), "PROBATION_CERT").path("images")).hasSize(2);
    }

    @Test
    void aPdfNamedJpgIsRefusedInChineseAndNothingIsKept() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        JsonNode refused = upload("DIPLOMA", "毕业证.jpg", pdf, 422);

        assertThat(refused.path("code").asText()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(refused.path("message").asText()).contains("JPG");
        assertThat(material(myCase(), "DIPLOMA").path("images")).isEmpty();
    }

    @Test
    void aMaterialTakesNoMoreThanItsMaximum() throws Exception {
        for (int page = 0; page < 2; page++) {
            upload("PROBATION_CERT", "p" + page + ".jpg", documentPhoto(), 201);
        }

        JsonNode refused = upload("PROBATION_CERT", "p3.jpg", documentPhoto(), 409);

        assertThat(refused.path("code").asText()).isEqualTo("MAX_IMAGES_REACHED");
        assertThat(refused.path("message").asText()).contains("最多上传 2 张");
    }

    @Test
    void materialsNotOnTheChecklistAreNotFound() throws Exception {
        assertThat(upload("STUDENT_ID", "s.jpg", documentPhoto(), 404)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
        assertThat(upload("NO_SUCH_THING", "s.jpg", documentPhoto(), 404)
                        .path("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void submissionIsRefusedUntilEveryRequiredMaterialHasImagesThenLocksThem() throws Exception {
        upload("ID_PROOF", "front.jpg", documentPhoto(), 201);
        upload("DIPLOMA", "diploma.jpg", documentPhoto(), 201);

        JsonNode refused = submit(422);
        assertThat(refused.path("missing"))
                .extracting(JsonNode::asText)
                .containsExactly("PROBATION_CERT", "INSTITUTION_LICENSE");
        assertThat(refused.path("message").asText()).contains("必需材料尚未上传");

        upload("PROBATION_CERT", "probation.jpg", documentPhoto(), 201);
        String licence = upload("INSTITUTION_LICENSE", "licence.jpg", documentPhoto(), 201)
                .path("id")
                .asText();
        JsonNode submitted = submit(200);

        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED_LOCKED");
        assertThat(submitted.path("lockedAt").asText()).isNotBlank();
        assertThat(submitted.path("checklist").findValuesAsText("status")).containsOnly("LOCKED");
        assertThat(submitted.path("messages").get(0).path("text").asText()).startsWith("上报完成，内容已锁定");
        api.perform(
                delete("/api/me/materials/INSTITUTION_LICENSE/images/" + licence)
                        .with(httpBasic(applicant.candidateNo, Candidates.PASSWORD)),
                409);
        assertThat(upload("DIPLOMA", "more.jpg", documentPhoto(), 409)
                        .path("code")
                        .asText())
                .isEqualTo("CASE_LOCKED");
        assertThat(submit(409).path("code").asText()).isEqualTo("NOT_OPEN_FOR_SUBMISSION");
    }

    @Test
    void onlyTheReturnedMaterialUnlocksShowingTheReviewersReason() throws Exception {
        uploadAllRequired();
        submit(200);
        cases.passTimeUntil(cases.instance(applicant.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        reviews.decide(
                applicant.candidateNo,
                ReviewStage.SITE,
                Verdict.returning(Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！")),
                "reviewer-3701");

        JsonNode returned = myCase();

        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("deadlines").path("resubmission").asText()).isEqualTo("2026-03-12");
        JsonNode diploma = material(returned, "DIPLOMA");
        assertThat(diploma.path("locked").asBoolean()).isFalse();
        assertThat(diploma.path("reviewerReason").asText()).isEqualTo("毕业证编号无法辨别，请重新上传！");
        assertThat(diploma.path("images").get(0).path("status").asText()).isEqualTo("UNLOCKED");
        assertThat(material(returned, "ID_PROOF").path("locked").asBoolean()).isTrue();
        assertThat(upload("ID_PROOF", "again.jpg", documentPhoto(), 409)
                        .path("code")
                        .asText())
                .isEqualTo("MATERIAL_LOCKED");

        String old = diploma.path("images").get(0).path("id").asText();
        api.perform(
                delete("/api/me/materials/DIPLOMA/images/" + old)
                        .with(httpBasic(applicant.candidateNo, Candidates.PASSWORD)),
                204);
        upload("DIPLOMA", "clear.jpg", documentPhoto(), 201);
        assertThat(submit(200).path("checklist").findValuesAsText("status")).containsOnly("LOCKED");
    }

    @Test
    void aReturnedMaterialIsResubmittedOnlyWithANewImage() throws Exception {
        byte[] diplomaPhoto = documentPhoto();
        upload("DIPLOMA", "diploma.jpg", diplomaPhoto, 201);
        for (String code : List.of("ID_PROOF", "PROBATION_CERT", "INSTITUTION_LICENSE")) {
            upload(code, code + ".jpg", documentPhoto(), 201);
        }
        submit(200);
        cases.passTimeUntil(cases.instance(applicant.candidateNo), CaseActivities.WAIT_FOR_REVIEW_OPENING);
        reviews.decide(
                applicant.candidateNo,
                ReviewStage.SITE,
                Verdict.returning(Map.of("DIPLOMA", "毕业证编号无法辨别，请重新上传！", "ID_PROOF", "请上传本人手持身份证的照片！")),
                "reviewer-3701");

        JsonNode unchanged = submit(422);

        assertThat(unchanged.path("code").asText()).isEqualTo("RETURNED_NOT_REPLACED");
        assertThat(unchanged.path("notReplaced")).extracting(JsonNode::asText).containsExactly("DIPLOMA", "ID_PROOF");
        assertThat(unchanged.path("message").asText())
                .contains("毕业证书", "有效身份证明")
                .doesNotContain("！。");
        JsonNode stillReturned = myCase();
        assertThat(stillReturned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(stillReturned.path("checklist").findValuesAsText("status")).contains("UNLOCKED");
        assertThat(material(stillReturned, "DIPLOMA").path("needsNewImage").asBoolean())
                .isTrue();
        assertThat(material(stillReturned, "DIPLOMA")
                        .path("images")
                        .get(0)
                        .path("returned")
                        .asBoolean())
                .isTrue();
        assertThat(cases.messages(applicant)).extracting(m -> m.kind()).doesNotContain("RESUBMITTED");

        // the same photo deleted and sent again is still the returned one; a new photo of the ID proof is new
        String returnedDiploma = material(stillReturned, "DIPLOMA")
                .path("images")
                .get(0)
                .path("id")
                .asText();
        deleteImage("DIPLOMA", returnedDiploma);
        String sameAgain =
                upload("DIPLOMA", "diploma.jpg", diplomaPhoto, 201).path("id").asText();
        upload("ID_PROOF", "holding-id.jpg", documentPhoto(), 201);
        assertThat(submit(422).path("notReplaced")).extracting(JsonNode::asText).containsExactly("DIPLOMA");
        assertThat(material(myCase(), "ID_PROOF").path("needsNewImage").asBoolean())
                .isFalse();

        deleteImage("DIPLOMA", sameAgain);
        upload("DIPLOMA", "diploma-clear.jpg", documentPhoto(), 201);
        assertThat(submit(200).path("status").asText()).isEqualTo("SUBMITTED_LOCKED");
    }

    @Test
    void twoSubmissionsAtOnceMakeExactlyOne() throws Exception {
        uploadAllRequired();
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        AtomicInteger refused = new AtomicInteger();
        try {
            List<Future<?>> clicks = new ArrayList<>();
            for (int click = 0; click < 2; click++) {
                clicks.add(browsers.submit(() -> {
                    try {
                        uploads.submit(applicant.candidateNo);
                    } catch (DomainException alreadySubmitted) {
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> click : clicks) {
                click.get();
            }
        } finally {
            browsers.shutdown();
        }

        assertThat(refused).hasValue(1);
        assertThat(cases.messages(applicant)).extracting(m -> m.kind()).containsOnlyOnce("SUBMITTED");
    }

    @Test
    void theUploadWindowOpensOnTheCampaignsDay() throws Exception {
        cases.clockAt(OffsetDateTime.parse("2026-01-07T23:00:00+08:00"));

        assertThat(upload("DIPLOMA", "early.jpg", documentPhoto(), 409)
                        .path("code")
                        .asText())
                .isEqualTo("UPLOAD_NOT_OPEN");
    }

    /** Runs the same request from as many threads, released together. */
    private static List<JsonNode> atOnce(int requests, Callable<JsonNode> request) throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonNode>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(browsers.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            browsers.shutdown();
        }
    }

    private void uploadAllRequired() throws Exception {
        for (String code : List.of("ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE")) {
            upload(code, code + ".jpg", documentPhoto(), 201);
        }
    }

    private JsonNode upload(String code, String fileName, byte[] bytes, int expectedStatus) throws Exception {
        return api.call(
                multipart("/api/me/materials/" + code + "/images")
                        .file(new MockMultipartFile("file", fileName, MediaType.IMAGE_JPEG_VALUE, bytes)),
                applicant.candidateNo,
                Candidates.PASSWORD,
                expectedStatus);
    }

    private void deleteImage(String code, String id) throws Exception {
        api.perform(
                delete("/api/me/materials/" + code + "/images/" + id)
                        .with(httpBasic(applicant.candidateNo, Candidates.PASSWORD)),
                204);
    }

    private JsonNode submit(int expectedStatus) throws Exception {
        return api.call(post("/api/me/submission"), applicant.candidateNo, Candidates.PASSWORD, expectedStatus);
    }

    private JsonNode myCase() throws Exception {
        return api.call(get("/api/me/case"), applicant.candidateNo, Candidates.PASSWORD, 200);
    }

    private static JsonNode material(JsonNode myCase, String code) {
        for (JsonNode material : myCase.path("checklist")) {
            if (material.path("code").asText().equals(code)) {
                return material;
            }
        }
        throw new AssertionError(code + " is not on the checklist");
    }

    /** A photographed document page under 200 KB, a different one each call of a test. */
    private byte[] documentPhoto() {
        return PHOTOS.get((int) (seed++ % PHOTOS.size()));
    }
}

package cn.medexam.qualification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * Duplicate images across candidates: which pairs are flagged (the same bytes, the same photo re-encoded as JPEG,
 * resized) and which are not (another document; a candidate photographing their own document again), what the
 * reviewer sees beside the image, and the administrators' groups.
 */
@EngineTest
@AutoConfigureMockMvc
class DuplicateImagesTest {

    @Autowired
    Api api;

    @Autowired
    CaseDriver cases;

    @Autowired
    TestUsers users;

    @Autowired
    MaterialUploads uploads;

    @Autowired
    Checklists checklists;

    @Autowired
    DocumentStore documents;

    /** Shandong 2026, the tests' campaign; the pictures are of a random page, so other tests' images do not pair. */
    final int year = 2026;

    final long seed = ThreadLocalRandom.current().nextLong(1_000_000);
    final BufferedImage page = TestImages.document(1000, 1300, seed);
    final byte[] original = TestImages.jpegAtMost(page, 190_000);

    @BeforeEach
    void uploadsOpen() {
        users.ensureExist();
        cases.clockAt(CaseDriver.DURING_UPLOAD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void nearIdenticalImagesOfDifferentCandidatesAreFlagged() throws Exception {
        Applicant a = registered("3701");
        Applicant sameBytes = registered("3701");
        Applicant reencoded = registered("3701");
        Applicant resizedElsewhere = registered("3702");
        Applicant otherDocument = registered("3701");
        Applicant rephotographs = registered("3701");

        String material = material(a, 0);
        MaterialImage first = uploads.upload(a.candidateNo, material, original);
        MaterialImage same = uploads.upload(sameBytes.candidateNo, material, original);
        MaterialImage again = uploads.upload(reencoded.candidateNo, material, reencoded(original));
        MaterialImage smaller = uploads.upload(resizedElsewhere.candidateNo, material, resized(original));
        byte[] another = TestImages.jpegAtMost(TestImages.document(1000, 1300, seed + 7), 190_000);
        MaterialImage unrelated = uploads.upload(otherDocument.candidateNo, material, another);
        byte[] own = TestImages.jpegAtMost(TestImages.document(1000, 1300, seed + 8), 190_000);
        MaterialImage ownFirst = uploads.upload(rephotographs.candidateNo, material, own);
        MaterialImage ownSecond = uploads.upload(rephotographs.candidateNo, material(rephotographs, 1), reencoded(own));

        // the site reviewer of 3701 sees three others, the 3702 one by its site only
        JsonNode view = api.call(
                get("/api/review/cases/" + sameBytes.candidateNo), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 200);
        JsonNode image = image(view, same.id());
        assertThat(image.path("duplicateWarning").asText()).isEqualTo("此图片与另外 3 名考生上传的图片相同");
        List<String> shownNumbers = image.path("duplicates").findValuesAsText("candidateNo");
        assertThat(shownNumbers).contains(a.candidateNo, reencoded.candidateNo);
        assertThat(shownNumbers).doesNotContain(resizedElsewhere.candidateNo);
        assertThat(image.path("duplicates").findValuesAsText("examSite")).contains("3702");

        // the region's reviewer may see every case of the region
        JsonNode regionView = api.call(
                get("/api/review/cases/" + sameBytes.candidateNo), TestUsers.REGION_REVIEWER, TestUsers.PASSWORD, 200);
        assertThat(image(regionView, same.id()).path("duplicates").findValuesAsText("candidateNo"))
                .contains(a.candidateNo, reencoded.candidateNo, resizedElsewhere.candidateNo);

        for (var notFlagged :
                List.of(new Object[] {otherDocument, unrelated}, new Object[] {rephotographs, ownFirst}, new Object[] {
                    rephotographs, ownSecond
                })) {
            Applicant who = (Applicant) notFlagged[0];
            MaterialImage which = (MaterialImage) notFlagged[1];
            JsonNode theirs = api.call(
                    get("/api/review/cases/" + who.candidateNo), TestUsers.REGION_REVIEWER, TestUsers.PASSWORD, 200);
            assertThat(image(theirs, which.id()).path("duplicateWarning").isNull())
                    .as(which.id())
                    .isTrue();
        }

        JsonNode groups = api.call(
                get("/api/admin/duplicates").param("region", "SHANDONG").param("year", String.valueOf(year)),
                TestUsers.ADMIN,
                TestUsers.PASSWORD,
                200);
        JsonNode ours = null;
        for (JsonNode group : groups) {
            if (group.findValuesAsText("imageId").contains(first.id())) {
                ours = group;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.findValuesAsText("imageId"))
                .containsExactlyInAnyOrder(first.id(), same.id(), again.id(), smaller.id());
        // the clock stands still here: all four were uploaded at the same instant
        assertThat(ours.findValuesAsText("candidateNo"))
                .containsExactlyInAnyOrder(
                        a.candidateNo, sameBytes.candidateNo, reencoded.candidateNo, resizedElsewhere.candidateNo);
        assertThat(ours.findValuesAsText("material")).containsOnly(material);
        assertThat(ours.get(0).has("uploadedAt")).isTrue();
        for (JsonNode group : groups) {
            assertThat(group.findValuesAsText("imageId")).doesNotContain(unrelated.id(), ownFirst.id(), ownSecond.id());
        }
        api.call(
                get("/api/admin/duplicates").param("region", "SHANDONG").param("year", String.valueOf(year)),
                TestUsers.REGION_REVIEWER,
                TestUsers.PASSWORD,
                403);
    }

    private static JsonNode image(JsonNode view, String imageId) {
        for (JsonNode material : view.path("checklist")) {
            for (JsonNode image : material.path("images")) {
                if (image.path("id").asText().equals(imageId)) {
                    return image;
                }
            }
        }
        throw new AssertionError("no image " + imageId + " in " + view);
    }

    private Applicant registered(String site) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examSite = site;
        applicant.examYear = year;
        cases.register(applicant);
        return applicant;
    }

    private String material(Applicant applicant, int index) {
        return checklists.requiredCodes(applicant.candidateNo).stream()
                .filter(code -> !code.equals("PHOTO"))
                .toList()
                .get(index);
    }

    /** The perceptual hash an upload of these bytes records: the one its inspection computes. */
    static long[] hash(byte[] jpeg) {
        return DifferenceHash.words(
                new ImageInspector(ImageRules.defaults()).inspect(jpeg, false).differenceHash());
    }

    /** The JPEG decoded and saved again at a lower quality, as a messenger app does. */
    static byte[] reencoded(byte[] jpeg) throws IOException {
        return TestImages.jpeg(ImageIO.read(new ByteArrayInputStream(jpeg)), 0.6f);
    }

    /** The JPEG scaled to 80 % and saved again. */
    static byte[] resized(byte[] jpeg) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
        BufferedImage smaller = new BufferedImage(800, 1040, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, 800, 1040, null);
        g.dispose();
        return TestImages.jpeg(smaller, 0.8f);
    }
}

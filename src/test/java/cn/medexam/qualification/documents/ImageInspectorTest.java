package cn.medexam.qualification.documents;

import static cn.medexam.qualification.documents.ImageRejection.BLURRY;
import static cn.medexam.qualification.documents.ImageRejection.CORRUPT;
import static cn.medexam.qualification.documents.ImageRejection.DIMENSIONS_TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.EMPTY;
import static cn.medexam.qualification.documents.ImageRejection.NOT_UPRIGHT;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_BACKGROUND;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_NOT_JPEG;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_PROPORTIONS;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.TOO_SMALL;
import static cn.medexam.qualification.documents.ImageRejection.UNSUPPORTED_TYPE;
import static cn.medexam.qualification.documents.TestImages.ID_BLUE;
import static cn.medexam.qualification.documents.TestImages.WHITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every reject code and every accepted kind of {@link ImageInspector}, on the corpus of {@link TestImages} and the
 * committed fixtures under src/test/resources/images (see docs/image-checks.md).
 */
class ImageInspectorTest {

    private static final ImageRules RULES = ImageRules.defaults();
    private static final ImageInspector INSPECTOR = new ImageInspector(RULES);

    /** A photographed A4 page, 900 × 1273, on a desk (about 160 KB as a JPEG). */
    private static final BufferedImage PAGE = TestImages.document(900, 1273, 7);

    private static final byte[] PAGE_JPEG = TestImages.jpeg(PAGE, 0.75f);
    /** A scanned page, 700 × 990 (about 130 KB as a PNG). */
    private static final BufferedImage SCAN = TestImages.scan(700, 990, 5);

    private static final byte[] SCAN_PNG = TestImages.png(SCAN);
    /** A head-and-shoulders small two-inch photo, 390 × 567 (33 × 48 mm at 300 dpi), on white. */
    private static final BufferedImage PORTRAIT = TestImages.idPhoto(390, 567, WHITE, 3);

    private static final byte[] PORTRAIT_JPEG = TestImages.jpegAtMost(PORTRAIT, 29_000);

    // ------------------------------------------------------------------------------------------- accepted kinds

    @Test
    void baselineJpegDocumentIsAccepted() {
        InspectedImage inspected = acceptedDocument(PAGE_JPEG);

        assertThat(inspected.contentType()).isEqualTo("image/jpeg");
        assertThat(inspected.width()).isEqualTo(900);
        assertThat(inspected.height()).isEqualTo(1273);
        assertThat(inspected.sharpness()).isGreaterThan(10 * RULES.minSharpness());
    }

    @Test
    void progressiveJpegIsAccepted() {
        byte[] progressive = TestImages.progressiveJpeg(PAGE, 0.75f);
        assertThat(hasMarker(progressive, 0xC2)).as("SOF2, progressive DCT").isTrue();

        assertThat(acceptedDocument(progressive).sharpness()).isGreaterThan(10 * RULES.minSharpness());
    }

    @Test
    void ycckJpegFromAPrepressWorkflowIsAcceptedAndDecodedInTrueColours() {
        // document(640, 900, 11) through ImageMagick's "-colorspace CMYK": Adobe APP14 with transform 2 (YCCK)
        byte[] ycck = TestImages.fixture("ycck-document.jpg");

        InspectedImage inspected = acceptedDocument(ycck);

        assertThat(inspected.width()).isEqualTo(640);
        assertThat(inspected.height()).isEqualTo(900);
        assertThat(inspected.sharpness()).isGreaterThan(10 * RULES.minSharpness());
        assertSameColour(TestImages.decode(ycck), TestImages.document(640, 900, 11), 10, 10); // the brown desk
    }

    @Test
    void cmykJpegIsAcceptedAndDecodedInTrueColours() {
        byte[] cmyk = TestImages.cmykJpeg(SCAN, 0.7f);
        assertThat(cmyk.length).isLessThanOrEqualTo(204_800);

        assertThat(acceptedDocument(cmyk).sharpness()).isGreaterThan(10 * RULES.minSharpness());
        BufferedImage decoded = TestImages.decode(cmyk);
        assertSameColour(decoded, SCAN, 20, 20); // paper
        assertSameColour(decoded, SCAN, 700 * 68 / 100, 990 * 84 / 100); // the red stamp's star
    }

    @Test
    void pngDocumentIsAcceptedAsPngWhateverItIsNamed() {
        InspectedImage inspected = acceptedDocument(SCAN_PNG);

        assertThat(inspected.contentType()).isEqualTo("image/png");
        assertThat(inspected.width()).isEqualTo(700);
    }

    @Test
    void jpegOfExactly200KbIsAccepted() {
        byte[] exact = TestImages.jpegPaddedTo(PAGE_JPEG, 204_800);
        assertThat(exact).hasSize(204_800);

        acceptedDocument(exact);
    }

    @Test
    void pngOfExactly200KbIsAccepted() {
        byte[] exact = TestImages.pngPaddedTo(SCAN_PNG, 204_800);
        assertThat(exact).hasSize(204_800);

        acceptedDocument(exact);
    }

    @Test
    void uprightExifOrientationIsAccepted() {
        acceptedDocument(TestImages.withExifOrientation(PAGE_JPEG, 1));
    }

    @Test
    void idPhotoOnWhiteIsAccepted() {
        InspectedImage inspected = acceptedPhoto(PORTRAIT_JPEG);

        assertThat(inspected.contentType()).isEqualTo("image/jpeg");
        assertThat(inspected.sharpness()).isGreaterThan(3 * RULES.photoMinSharpness());
    }

    @Test
    void idPhotoOf30719BytesIsAccepted() {
        byte[] justUnder = TestImages.jpegPaddedTo(PORTRAIT_JPEG, 30_719);
        assertThat(justUnder).hasSize(30_719);

        acceptedPhoto(justUnder);
    }

    // ------------------------------------------------------------------------------------------- size and type

    @Test
    void emptyUploadIsRefused() {
        refusedDocument(new byte[0], EMPTY);
        refusedDocument(null, EMPTY);
    }

    @Test
    void jpegOneByteOver200KbIsRefused() {
        byte[] over = TestImages.jpegPaddedTo(PAGE_JPEG, 204_801);
        assertThat(over).hasSize(204_801);

        refusedDocument(over, TOO_LARGE);
    }

    @Test
    void idPhotoOf30720BytesIsRefused() {
        byte[] atLimit = TestImages.jpegPaddedTo(PORTRAIT_JPEG, 30_720);
        assertThat(atLimit).hasSize(30_720);

        refusedPhoto(atLimit, PHOTO_TOO_LARGE);
    }

    @Test
    void idPhotoAsPngIsRefused() {
        refusedPhoto(TestImages.png(TestImages.idPhoto(240, 349, WHITE, 3)), PHOTO_NOT_JPEG);
    }

    @ParameterizedTest(name = "{0} named .jpg is refused")
    @MethodSource("otherFormats")
    void otherFormatNamedJpgIsRefused(String format, byte[] bytes) {
        refusedDocument(bytes, UNSUPPORTED_TYPE);
        refusedPhoto(bytes, UNSUPPORTED_TYPE);
    }

    static Stream<Arguments> otherFormats() {
        BufferedImage small = TestImages.scan(400, 560, 5);
        return Stream.of(
                Arguments.of("PDF", TestImages.ascii("""
                        %PDF-1.4
                        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
                        trailer << /Root 1 0 R >>
                        %%EOF
                        """)),
                Arguments.of("GIF", TestImages.gif(small)),
                Arguments.of("BMP", TestImages.bmp(TestImages.scan(200, 280, 5))),
                Arguments.of("TIFF", TestImages.tiff(TestImages.scan(200, 280, 5))),
                Arguments.of("HTML", TestImages.ascii("""
                        <!DOCTYPE html>
                        <html><head><title>学历证明</title></head>
                        <body><img src="x" onerror="alert(document.cookie)"></body></html>
                        """)),
                Arguments.of("SVG", TestImages.ascii("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
                          <text x="10" y="40" font-size="32">学历证明</text>
                        </svg>
                        """)),
                Arguments.of(
                        "HEIC",
                        bytes(
                                0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1',
                                'h', 'e', 'i', 'c', 0, 0, 0, 8, 'm', 'e', 't', 'a')),
                Arguments.of(
                        "WebP",
                        bytes(
                                'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 0x18, 0, 0,
                                0, 0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 1, 0, 1, 0, 0, 0)),
                Arguments.of("text", TestImages.ascii("本人承诺所填信息真实有效。")));
    }

    // ------------------------------------------------------------------------------------------- broken files

    @Test
    void truncatedJpegIsCorrupt() {
        refusedDocument(TestImages.truncated(PAGE_JPEG, 0.6), CORRUPT);
        refusedDocument(TestImages.truncated(PAGE_JPEG, 0.99), CORRUPT);
    }

    @Test
    void truncatedProgressiveJpegIsCorrupt() {
        refusedDocument(TestImages.truncated(TestImages.progressiveJpeg(PAGE, 0.75f), 0.7), CORRUPT);
    }

    @Test
    void truncatedPngIsCorrupt() {
        refusedDocument(TestImages.truncated(SCAN_PNG, 0.6), CORRUPT);
        refusedDocument(TestImages.truncated(SCAN_PNG, 0.99), CORRUPT);
    }

    @Test
    void jpegSignatureFollowedByGarbageIsCorrupt() {
        byte[] garbage = new byte[5_000];
        new Random(1).nextBytes(garbage);
        System.arraycopy(bytes(0xFF, 0xD8, 0xFF, 0xE0), 0, garbage, 0, 4);

        refusedDocument(garbage, CORRUPT);
    }

    // ------------------------------------------------------------------------------------------- dimensions

    @Test
    void pngBombIsRefusedFromItsHeader() {
        refusedDocument(TestImages.pngClaiming(SCAN_PNG, 50_000, 50_000), DIMENSIONS_TOO_LARGE);
    }

    @Test
    void jpegBombIsRefusedFromItsHeader() {
        refusedDocument(TestImages.jpegClaiming(PAGE_JPEG, 50_000, 50_000), DIMENSIONS_TOO_LARGE);
        refusedPhoto(TestImages.jpegClaiming(PORTRAIT_JPEG, 50_000, 50_000), DIMENSIONS_TOO_LARGE);
    }

    @Test
    void sideOver10000PixelsIsRefused() {
        refusedDocument(TestImages.uniformPng(10_001, 600), DIMENSIONS_TOO_LARGE);
    }

    @Test
    void bombIsRefusedWithoutAllocatingARaster() {
        byte[] bomb = TestImages.pngClaiming(SCAN_PNG, 50_000, 50_000);
        INSPECTOR.inspect(PAGE_JPEG, false); // classes loaded, Tika's types read: measure the bomb alone

        long allocatedBefore = allocatedBytes();
        refusedDocument(bomb, DIMENSIONS_TOO_LARGE);
        long allocated = allocatedBytes() - allocatedBefore;

        // a raster for 50,000 × 50,000 pixels would take 2.5 GB at one byte a pixel
        assertThat(allocated).as("bytes allocated while inspecting the bomb").isLessThan(8L << 20);
    }

    @Test
    void bombWithinThePixelBudgetIsDecodedSubsampledInBoundedMemory() {
        // 6000 × 6000 RGB inflates to 108 MB; decoded every 8th pixel it is under 2 MB
        byte[] bomb = TestImages.uniformPng(6_000, 6_000);
        assertThat(bomb.length).isLessThan(204_800);
        INSPECTOR.inspect(PAGE_JPEG, false);

        long allocatedBefore = allocatedBytes();
        refusedDocument(bomb, BLURRY); // one flat grey: nothing to read
        long allocated = allocatedBytes() - allocatedBefore;

        assertThat(allocated).as("bytes allocated while inspecting").isLessThan(48L << 20);
    }

    @Test
    void textBombInPngMetadataIsNeverInflated() {
        // 100 MB of text in a zTXt chunk, under 200 KB on the wire
        byte[] bomb = TestImages.pngWithTextBomb(TestImages.uniformPng(700, 700), 100 << 20);
        assertThat(bomb.length).isLessThan(204_800);
        INSPECTOR.inspect(PAGE_JPEG, false);

        long allocatedBefore = allocatedBytes();
        refusedDocument(bomb, BLURRY);
        long allocated = allocatedBytes() - allocatedBefore;

        assertThat(allocated).as("bytes allocated while inspecting").isLessThan(32L << 20);
    }

    @Test
    void tinyDocumentIsRefused() {
        refusedDocument(TestImages.jpeg(TestImages.document(560, 400, 7), 0.8f), TOO_SMALL);
    }

    @Test
    void tinyIdPhotoIsRefused() {
        refusedPhoto(TestImages.jpeg(TestImages.idPhoto(160, 233, WHITE, 3), 0.9f), TOO_SMALL);
    }

    // ------------------------------------------------------------------------------------------- orientation

    @ParameterizedTest(name = "EXIF orientation {0} is refused")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8})
    void rotatedOrMirroredJpegIsRefused(int orientation) {
        refusedDocument(TestImages.withExifOrientation(PAGE_JPEG, orientation), NOT_UPRIGHT);
    }

    @Test
    void rotatedIdPhotoIsRefused() {
        refusedPhoto(TestImages.withExifOrientation(PORTRAIT_JPEG, 6), NOT_UPRIGHT);
    }

    @Test
    void rotatedPngIsRefused() {
        refusedDocument(TestImages.pngWithExifOrientation(SCAN_PNG, 6), NOT_UPRIGHT);
    }

    @Test
    void notUprightMessageTellsTheCandidateToTurnThePhoto() {
        assertThat(NOT_UPRIGHT.message()).contains("转正").contains("重新上传");
    }

    // ------------------------------------------------------------------------------------------- sharpness

    @Test
    void blurryDocumentIsRefusedAndItsSharpOriginalAccepted() {
        byte[] blurry = TestImages.jpeg(TestImages.blurred(PAGE, 2.5), 0.75f);

        refusedDocument(blurry, BLURRY);
        assertThat(INSPECTOR.sharpnessOf(TestImages.decode(blurry))).isLessThan(RULES.minSharpness() / 2);
        assertThat(acceptedDocument(PAGE_JPEG).sharpness()).isGreaterThan(10 * RULES.minSharpness());
    }

    @Test
    void blurryIdPhotoIsRefused() {
        refusedPhoto(TestImages.jpegAtMost(TestImages.blurred(PORTRAIT, 2.5), 29_000), BLURRY);
    }

    @Test
    void realPhotosCalibrateTheBlurThreshold() {
        // public-domain / CC0 photographs from scikit-image's sample data (see docs/image-checks.md)
        for (String sharp : List.of("astronaut", "camera", "coffee", "chelsea", "text")) {
            BufferedImage photo = TestImages.decode(TestImages.fixture("real-" + sharp + ".jpg"));
            assertThat(INSPECTOR.sharpnessOf(photo)).as(sharp).isGreaterThan(2 * RULES.minSharpness());
            assertThat(INSPECTOR.sharpnessOf(TestImages.blurred(photo, 2.0)))
                    .as(sharp + " out of focus")
                    .isLessThan(RULES.minSharpness());
        }
        BufferedImage shaken = TestImages.decode(TestImages.fixture("real-clock-motion-blur.jpg"));
        assertThat(INSPECTOR.sharpnessOf(shaken))
                .as("camera moved while shooting")
                .isLessThan(RULES.minSharpness());
    }

    // ------------------------------------------------------------------------------------------- ID photo

    @Test
    void idPhotoOnBlueIsRefused() {
        refusedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(390, 567, ID_BLUE, 3), 29_000), PHOTO_BACKGROUND);
    }

    @Test
    void realPortraitWithAScenicBackgroundIsRefused() {
        BufferedImage astronaut = TestImages.decode(TestImages.fixture("real-astronaut.jpg"));
        BufferedImage twoInch = astronaut.getSubimage(80, 0, 352, 512); // 352 / 512 = 0.6875

        refusedPhoto(TestImages.jpegAtMost(twoInch, 29_000), PHOTO_BACKGROUND);
    }

    @Test
    void aWronglyShapedIdPhotoIsToldItsShapeBeforeAnythingIsDecoded() {
        // 1000 × 400 and blurred as well: the shape, which the header tells, is what the candidate must fix first
        BufferedImage banner = TestImages.blurred(TestImages.idPhoto(1000, 400, WHITE, 4), 3.0);

        refusedPhoto(TestImages.jpegAtMost(banner, 29_000), PHOTO_PROPORTIONS);
    }

    @Test
    void idPhotoOfAnotherSizeIsRefused() {
        // the common 35 × 45 mm passport shape (0.78), and the one-inch 25 × 35 mm (0.714, 3.9 % off)
        refusedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(350, 450, WHITE, 3), 29_000), PHOTO_PROPORTIONS);
        refusedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(295, 413, WHITE, 3), 29_000), PHOTO_PROPORTIONS);
    }

    @Test
    void idPhotoCroppedWithinTheToleranceIsAccepted() {
        acceptedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(400, 567, WHITE, 3), 29_000)); // 0.705, +2.6 %
        acceptedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(380, 567, WHITE, 3), 29_000)); // 0.670, −2.5 %
    }

    @Test
    void documentRulesDoNotAskForAWhiteBackground() {
        acceptedDocument(TestImages.jpeg(TestImages.idPhoto(660, 960, ID_BLUE, 3), 0.8f));
    }

    // ------------------------------------------------------------------------------------------- the contract

    @Test
    void checksRunInTheContractOrder() {
        refusedDocument(concat(TestImages.ascii("%PDF-1.4\n"), new byte[204_800]), TOO_LARGE); // size before type
        refusedPhoto(TestImages.png(TestImages.idPhoto(40, 58, ID_BLUE, 3)), PHOTO_NOT_JPEG); // type before pixels
        refusedDocument(
                TestImages.withExifOrientation(TestImages.jpegClaiming(PAGE_JPEG, 50_000, 50_000), 6),
                DIMENSIONS_TOO_LARGE); // header before metadata
        refusedDocument(
                TestImages.withExifOrientation(TestImages.jpeg(TestImages.document(560, 400, 7), 0.8f), 6), TOO_SMALL);
        refusedDocument(
                TestImages.withExifOrientation(TestImages.jpeg(TestImages.blurred(PAGE, 2.5), 0.75f), 6),
                NOT_UPRIGHT); // orientation before decoding
        refusedPhoto(
                TestImages.jpegAtMost(TestImages.blurred(TestImages.idPhoto(350, 450, ID_BLUE, 3), 2.5), 29_000),
                PHOTO_PROPORTIONS); // the photo's shape, from the header, before decoding
        refusedPhoto(
                TestImages.jpegAtMost(TestImages.blurred(TestImages.idPhoto(330, 480, ID_BLUE, 3), 2.5), 29_000),
                BLURRY); // sharpness before the photo's background
        refusedPhoto(TestImages.jpegAtMost(TestImages.idPhoto(330, 480, ID_BLUE, 3), 29_000), PHOTO_BACKGROUND);
    }

    @Test
    void everyRejectionHasAChineseMessage() {
        for (ImageRejection rejection : ImageRejection.values()) {
            assertThat(rejection.message())
                    .as(rejection.name())
                    .containsPattern("\\p{IsHan}{4}")
                    .contains("请");
            assertThat(new ImageRejectedException(rejection).getMessage()).isEqualTo(rejection.message());
        }
        assertThat(TOO_LARGE.message()).isEqualTo("图片超过 200KB，请压缩后重新上传");
        assertThat(UNSUPPORTED_TYPE.message()).startsWith("仅支持 JPG、JPEG、PNG 格式的图片");
    }

    @Test
    void absentSettingsTakeTheDocumentedDefaults() {
        ImageRules bound = bind(Map.of());

        assertThat(bound).isEqualTo(RULES);
        assertThat(bound.maxBytes()).isEqualTo(204_800);
        assertThat(bound.photoMaxBytes()).isEqualTo(30_720);
        assertThat(bound.photoAspectRatio()).isEqualTo(33.0 / 48.0);
    }

    @Test
    void settingsUnderQrImagesOverrideTheDefaults() {
        ImageRules bound = bind(Map.of("qr.images.max-bytes", "100000", "qr.images.min-sharpness", "55.5"));

        assertThat(bound.maxBytes()).isEqualTo(100_000);
        assertThat(bound.minSharpness()).isEqualTo(55.5);
        assertThat(bound.maxSide()).isEqualTo(10_000);
    }

    @Test
    void jpegsAreReadByTwelveMonkeys() {
        assertThat(INSPECTOR.readerFor("image/jpeg")).startsWith("com.twelvemonkeys.");
    }

    @Test
    void fiftyConcurrentInspectionsGiveTheSameAnswers() throws Exception {
        List<byte[]> uploads = List.of(
                PAGE_JPEG,
                TestImages.fixture("ycck-document.jpg"),
                SCAN_PNG,
                TestImages.withExifOrientation(PAGE_JPEG, 6),
                TestImages.truncated(PAGE_JPEG, 0.5));
        List<String> expected =
                uploads.stream().map(ImageInspectorTest::outcome).toList();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] upload = uploads.get(i % uploads.size());
                answers.add(pool.submit((Callable<String>) () -> outcome(upload)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(expected.get(i % uploads.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static InspectedImage acceptedDocument(byte[] bytes) {
        return INSPECTOR.inspect(bytes, false);
    }

    private static InspectedImage acceptedPhoto(byte[] bytes) {
        return INSPECTOR.inspect(bytes, true);
    }

    private static void refusedDocument(byte[] bytes, ImageRejection expected) {
        refused(bytes, false, expected);
    }

    private static void refusedPhoto(byte[] bytes, ImageRejection expected) {
        refused(bytes, true, expected);
    }

    private static void refused(byte[] bytes, boolean idPhotoRules, ImageRejection expected) {
        assertThatThrownBy(() -> INSPECTOR.inspect(bytes, idPhotoRules))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> {
                    assertThat(e.rejection()).isEqualTo(expected);
                    assertThat(e.getMessage()).isEqualTo(expected.message());
                });
    }

    private static ImageRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("qr.images", ImageRules.class);
    }

    private static String outcome(byte[] bytes) {
        try {
            InspectedImage inspected = INSPECTOR.inspect(bytes, false);
            return inspected.contentType() + " " + inspected.width() + "x" + inspected.height() + " "
                    + inspected.sharpness();
        } catch (ImageRejectedException e) {
            return e.rejection().name();
        }
    }

    private static void assertSameColour(BufferedImage actual, BufferedImage expected, int x, int y) {
        Color a = new Color(actual.getRGB(x, y));
        Color e = new Color(expected.getRGB(x, y));
        assertThat(new int[] {a.getRed(), a.getGreen(), a.getBlue()})
                .as("colour at %d,%d", x, y)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isCloseTo(e.getRed(), offset(24));
                    assertThat(rgb[1]).isCloseTo(e.getGreen(), offset(24));
                    assertThat(rgb[2]).isCloseTo(e.getBlue(), offset(24));
                });
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == marker) {
                return true;
            }
        }
        return false;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

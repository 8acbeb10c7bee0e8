package cn.medexam.qualification.documents;

import java.awt.image.BufferedImage;

/**
 * Photos of their documents as candidates take them with a phone, for tests outside this package (the browser
 * tests upload them as files).
 */
public final class MaterialPhotos {

    private MaterialPhotos() {}

    /** A sharp photo of a document page, a JPEG under 200 KB as the checks want it. */
    public static byte[] sharpPage(long seed) {
        return TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000);
    }

    /** The same page out of focus: refused as 图片不清晰. */
    public static byte[] blurryPage(long seed) {
        return TestImages.jpeg(TestImages.blurred(TestImages.document(1000, 1300, seed), 2.5), 0.75f);
    }

    /**
     * A phone camera's full-quality photo (well over 200 KB) held sideways: the pixels lie on their side and the
     * EXIF orientation (6, turn 90° clockwise) says how to show them upright.
     */
    public static byte[] sidewaysCameraPhoto(long seed) {
        BufferedImage upright = TestImages.document(1000, 1300, seed);
        BufferedImage stored = new BufferedImage(upright.getHeight(), upright.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                // turned 90° counter-clockwise, so that turning it clockwise shows the page upright
                stored.setRGB(y, upright.getWidth() - 1 - x, upright.getRGB(x, y));
            }
        }
        return TestImages.withExifOrientation(TestImages.jpeg(stored, 0.95f), 6);
    }
}

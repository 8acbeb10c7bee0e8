package cn.medexam.qualification.documents;

import java.util.HexFormat;

/**
 * A perceptual hash of a picture: the 256-bit difference hash (dHash). The decoded image is reduced to 17 × 16 grey
 * cells (the mean of each cell's pixels); each bit says whether a cell is brighter than its right neighbour. The
 * same picture re-encoded, recompressed or resized keeps (nearly) all bits; another document changes many. It is
 * computed from the luma the image checks measure sharpness on ({@link ImageAnalysis}): the upload decodes once.
 */
final class DifferenceHash {

    static final int COLUMNS = 17;
    static final int ROWS = 16;
    static final int BITS = (COLUMNS - 1) * ROWS;

    private DifferenceHash() {}

    /**
     * The hash of a luma raster (one value 0–255 per pixel, row by row) as 64 hex digits: every pixel counts in its
     * cell's mean.
     */
    static String of(int[] luma, int width, int height) {
        double[] sum = new double[COLUMNS * ROWS];
        int[] count = new int[COLUMNS * ROWS];
        int[] columnOf = new int[width];
        for (int x = 0; x < width; x++) {
            columnOf[x] = Math.min(COLUMNS - 1, x * COLUMNS / width);
        }
        for (int y = 0; y < height; y++) {
            int rowStart = Math.min(ROWS - 1, y * ROWS / height) * COLUMNS;
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int cell = rowStart + columnOf[x];
                sum[cell] += luma[offset + x];
                count[cell]++;
            }
        }
        byte[] bits = new byte[BITS / 8];
        int bit = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS - 1; column++, bit++) {
                int here = row * COLUMNS + column;
                double left = sum[here] / Math.max(1, count[here]);
                double right = sum[here + 1] / Math.max(1, count[here + 1]);
                if (left > right) {
                    bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        return HexFormat.of().formatHex(bits);
    }

    /** How many bits two hashes differ in. */
    static int distance(long[] a, long[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Long.bitCount(a[i] ^ b[i]);
        }
        return d;
    }

    static long[] words(String hex) {
        long[] words = new long[hex.length() / 16];
        for (int i = 0; i < words.length; i++) {
            words[i] = Long.parseUnsignedLong(hex.substring(i * 16, i * 16 + 16), 16);
        }
        return words;
    }
}

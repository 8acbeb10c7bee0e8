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
     * cell's mean. A cell's columns are contiguous, so each row adds its runs of pixels to the cells' sums.
     */
    static String of(byte[] luma, int width, int height) {
        long[] sum = new long[COLUMNS * ROWS];
        int[] count = new int[COLUMNS * ROWS];
        // the cell column of x is min(COLUMNS - 1, x * COLUMNS / width): the columns [start[c], start[c + 1])
        int[] start = new int[COLUMNS + 1];
        for (int column = 0; column < COLUMNS; column++) {
            start[column] = (column * width + COLUMNS - 1) / COLUMNS;
        }
        start[COLUMNS] = width;
        for (int y = 0; y < height; y++) {
            int rowStart = Math.min(ROWS - 1, y * ROWS / height) * COLUMNS;
            int offset = y * width;
            for (int column = 0; column < COLUMNS; column++) {
                long run = 0;
                for (int x = offset + start[column], end = offset + start[column + 1]; x < end; x++) {
                    run += luma[x] & 0xff;
                }
                sum[rowStart + column] += run;
                count[rowStart + column] += start[column + 1] - start[column];
            }
        }
        byte[] bits = new byte[BITS / 8];
        int bit = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS - 1; column++, bit++) {
                int here = row * COLUMNS + column;
                double left = (double) sum[here] / Math.max(1, count[here]);
                double right = (double) sum[here + 1] / Math.max(1, count[here + 1]);
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

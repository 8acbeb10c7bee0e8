package cn.medexam.qualification.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A perceptual hash of a picture: the 256-bit difference hash (dHash). The decoded image is reduced to 17 × 16 grey
 * cells (the mean of each cell's pixels); each bit says whether a cell is brighter than its right neighbour. The
 * same picture re-encoded, recompressed or resized keeps (nearly) all bits; another document changes many. The
 * image is decoded whole (subsampled only past 1280 pixels on its short side), and every pixel counts in
 * its cell's mean: no aliasing of fine text.
 */
final class DifferenceHash {

    static final int COLUMNS = 17;
    static final int ROWS = 16;
    static final int BITS = (COLUMNS - 1) * ROWS;

    private DifferenceHash() {}

    /** The hash as 64 hex digits, or empty when the bytes do not decode. */
    static Optional<String> of(byte[] bytes) {
        try {
            BufferedImage image = decodeSmall(bytes);
            return image == null ? Optional.empty() : Optional.of(of(image));
        } catch (IOException | RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    static String of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sum = new double[COLUMNS * ROWS];
        int[] count = new int[COLUMNS * ROWS];
        int[] columnOf = new int[w];
        for (int x = 0; x < w; x++) {
            columnOf[x] = Math.min(COLUMNS - 1, x * COLUMNS / w);
        }
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            int row = Math.min(ROWS - 1, y * ROWS / h);
            image.getRGB(0, y, w, 1, line, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = line[x];
                int cell = row * COLUMNS + columnOf[x];
                sum[cell] += 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
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

    private static BufferedImage decodeSmall(byte[] bytes) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int shortSide = Math.min(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, shortSide / 640);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}

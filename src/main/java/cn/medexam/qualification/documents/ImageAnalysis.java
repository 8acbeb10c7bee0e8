package cn.medexam.qualification.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * The measurements {@link ImageInspector} takes on a decoded image: its sharpness and, for ID photos, how white its
 * background is. One instance per inspection, not shared between threads.
 */
final class ImageAnalysis {

    /** Edge of the square tiles the Laplacian variance is taken in, in analysis pixels. */
    static final int TILE = 32;
    /** Which tile variance is the image's sharpness: the 90th percentile, the sharp parts of the picture. */
    static final double TILE_PERCENTILE = 0.90;
    /** The side strips of an ID photo are examined down to this share of its height (below are the shoulders). */
    static final double SIDE_STRIP_DEPTH = 0.6;

    /** The decoded image; drawn on white only for the ID photo's background ({@link #whiteBorderShare}). */
    private final BufferedImage decoded;
    /** Luma (0–255) scaled down to the analysis size, one byte a pixel, row by row. */
    private final byte[] luma;

    private final int width;
    private final int height;

    private ImageAnalysis(BufferedImage decoded, byte[] luma, int width, int height) {
        this.decoded = decoded;
        this.luma = luma;
        this.width = width;
        this.height = height;
    }

    /**
     * @param analysisWidth the image is scaled down (bilinear, never up) to at most this width and to at most
     *                      2 × analysisWidth² pixels, so that sharpness means the same whatever the resolution
     */
    static ImageAnalysis of(BufferedImage decoded, int analysisWidth) {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        double scale = Math.min(
                1,
                Math.min(
                        (double) analysisWidth / w, Math.sqrt(2.0 * analysisWidth * analysisWidth / ((double) w * h))));
        int aw = Math.max(1, (int) Math.round(w * scale));
        int ah = Math.max(1, (int) Math.round(h * scale));
        LumaRows rows = LumaRows.of(decoded);
        byte[] luma = aw == w && ah == h ? rows.all() : bilinear(rows, w, h, aw, ah);
        return new ImageAnalysis(decoded, luma, aw, ah);
    }

    /** The perceptual hash of the analysed luma ({@link DifferenceHash}). */
    String differenceHash() {
        return DifferenceHash.of(luma, width, height);
    }

    /**
     * The 90th percentile, over 32×32 tiles, of the variance of the Laplacian of the luma smoothed by a 3×3 binomial
     * kernel (a Laplacian of Gaussian, σ ≈ 0.85 px). The smoothing keeps sensor and JPEG noise from passing for detail;
     * the tiles and the percentile make blank paper and plain backgrounds irrelevant. One pass over the luma: the
     * smoothed rows exist three at a time, and each row's Laplacian is added to the sums of its tiles.
     */
    double sharpness() {
        if (width < 3 || height < 3) {
            return 0;
        }
        // tiles over the interior [1, width - 1) × [1, height - 1); the last row and column of tiles take the rest
        int tilesX = Math.max(1, (width - 2) / TILE);
        int tilesY = Math.max(1, (height - 2) / TILE);
        int[] tileStart = new int[tilesX + 1];
        for (int tx = 0; tx < tilesX; tx++) {
            tileStart[tx] = 1 + tx * TILE;
        }
        tileStart[tilesX] = width - 1;
        double[] variances = new double[tilesX * tilesY];
        long[] sums = new long[tilesX];
        long[] sumsOfSquares = new long[tilesX];
        // across: rows smoothed across (×4); smooth: across and down (×16), rows y - 1, y, y + 1 in the loop
        int[][] across = {new int[width], new int[width], new int[width]};
        int[][] smooth = {new int[width], new int[width], new int[width]};
        across(0, across[1]);
        System.arraycopy(across[1], 0, across[0], 0, width);
        across(1, across[2]);
        down(across, smooth[1]); // row 0, its upper neighbour clamped
        rotate(across);
        across(Math.min(height - 1, 2), across[2]);
        down(across, smooth[2]); // row 1
        int tileRow = 0;
        int tileRowStart = 1;
        for (int y = 1; y < height - 1; y++) {
            int ty = Math.min(tilesY - 1, (y - 1) / TILE);
            if (ty != tileRow) {
                closeTileRow(tileRow, y - tileRowStart, tileStart, sums, sumsOfSquares, variances);
                tileRow = ty;
                tileRowStart = y;
            }
            // smoothed row y + 1 from the across rows y, y + 1, y + 2 (clamped)
            rotate(smooth);
            rotate(across);
            across(Math.min(height - 1, y + 2), across[2]);
            down(across, smooth[2]);
            int[] up = smooth[0];
            int[] row = smooth[1];
            int[] below = smooth[2];
            for (int tx = 0; tx < tilesX; tx++) {
                long sum = 0;
                long sumSquares = 0;
                for (int x = tileStart[tx], end = tileStart[tx + 1]; x < end; x++) {
                    int laplacian = row[x - 1] + row[x + 1] + up[x] + below[x] - 4 * row[x];
                    sum += laplacian;
                    sumSquares += (long) laplacian * laplacian;
                }
                sums[tx] += sum;
                sumsOfSquares[tx] += sumSquares;
            }
        }
        closeTileRow(tileRow, height - 1 - tileRowStart, tileStart, sums, sumsOfSquares, variances);
        Arrays.sort(variances);
        return variances[(int) Math.floor(TILE_PERCENTILE * (variances.length - 1))];
    }

    private static void closeTileRow(
            int tileRow, int rows, int[] tileStart, long[] sums, long[] sumsOfSquares, double[] variances) {
        int tilesX = sums.length;
        for (int tx = 0; tx < tilesX; tx++) {
            double count = (double) rows * (tileStart[tx + 1] - tileStart[tx]);
            double mean = sums[tx] / count;
            // the smoothed values are 16 times the luma: divide the variance by 16²
            variances[tileRow * tilesX + tx] = (sumsOfSquares[tx] / count - mean * mean) / 256;
        }
        Arrays.fill(sums, 0);
        Arrays.fill(sumsOfSquares, 0);
    }

    /** Row y of the luma smoothed across by [1 2 1], edges clamped (width ≥ 3). */
    private void across(int y, int[] out) {
        int at = y * width;
        int last = width - 1;
        out[0] = 3 * (luma[at] & 0xff) + (luma[at + 1] & 0xff);
        for (int x = 1; x < last; x++) {
            out[x] = (luma[at + x - 1] & 0xff) + 2 * (luma[at + x] & 0xff) + (luma[at + x + 1] & 0xff);
        }
        out[last] = (luma[at + last - 1] & 0xff) + 3 * (luma[at + last] & 0xff);
    }

    /** The middle one of three across-smoothed rows smoothed down by [1 2 1]ᵀ. */
    private static void down(int[][] across, int[] out) {
        int[] up = across[0];
        int[] row = across[1];
        int[] below = across[2];
        for (int x = 0; x < out.length; x++) {
            out[x] = up[x] + 2 * row[x] + below[x];
        }
    }

    private static void rotate(int[][] rows) {
        int[] first = rows[0];
        rows[0] = rows[1];
        rows[1] = rows[2];
        rows[2] = first;
    }

    /**
     * Share of white pixels in the top strip and the upper part of the left and right strips, where an ID photo shows
     * only its background.
     *
     * @param border   strip width as a share of the side
     * @param minLuma  a white pixel's luma is at least this …
     * @param maxChroma … and max(R,G,B) − min(R,G,B) at most this
     */
    double whiteBorderShare(double border, int minLuma, int maxChroma) {
        int rgbWidth = decoded.getWidth();
        int rgbHeight = decoded.getHeight();
        int[] rgb = onWhite(decoded);
        int strip = Math.max(1, (int) Math.round(rgbHeight * border));
        int side = Math.max(1, (int) Math.round(rgbWidth * border));
        int depth = Math.max(strip, (int) Math.round(rgbHeight * SIDE_STRIP_DEPTH));
        long[] counts = new long[2]; // white, all
        countWhite(rgb, rgbWidth, 0, strip, 0, rgbWidth, minLuma, maxChroma, counts);
        countWhite(rgb, rgbWidth, strip, depth, 0, side, minLuma, maxChroma, counts);
        countWhite(rgb, rgbWidth, strip, depth, rgbWidth - side, rgbWidth, minLuma, maxChroma, counts);
        return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
    }

    private static void countWhite(
            int[] rgb,
            int rgbWidth,
            int fromY,
            int toY,
            int fromX,
            int toX,
            int minLuma,
            int maxChroma,
            long[] counts) {
        for (int y = fromY; y < toY; y++) {
            for (int x = Math.max(0, fromX); x < toX; x++) {
                int p = rgb[y * rgbWidth + x];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                counts[1]++;
                if (luma(p) >= minLuma && chroma <= maxChroma) {
                    counts[0]++;
                }
            }
        }
    }

    /** The image drawn on white (transparent PNG parts become white), packed RGB. */
    private static int[] onWhite(BufferedImage decoded) {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        BufferedImage onWhite = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = onWhite.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) onWhite.getRaster().getDataBuffer()).getData();
    }

    /** Rec. 601 luma (0.299 R + 0.587 G + 0.114 B) of a packed RGB pixel, in 16-bit fixed point. */
    private static int luma(int p) {
        return luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
    }

    private static int luma(int r, int g, int b) {
        return (19_595 * r + 38_470 * g + 7_471 * b + 32_768) >> 16;
    }

    /**
     * The luma of the decoded image row by row. Opaque 8-bit grey and sRGB rasters (what the JPEG readers and most
     * PNGs give) are read in place; anything else (alpha, palettes, 16 bits, other colour spaces) is drawn on white
     * first, as the browser shows it.
     */
    private abstract static class LumaRows {

        final int width;
        final int height;

        LumaRows(int width, int height) {
            this.width = width;
            this.height = height;
        }

        abstract void row(int y, int[] out);

        byte[] all() {
            byte[] all = new byte[width * height];
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                row(y, row);
                for (int x = 0, at = y * width; x < width; x++, at++) {
                    all[at] = (byte) row[x];
                }
            }
            return all;
        }

        static LumaRows of(BufferedImage image) {
            WritableRaster raster = image.getRaster();
            ColorModel colours = image.getColorModel();
            if (raster.getDataBuffer() instanceof DataBufferByte bytes
                    && raster.getSampleModel() instanceof ComponentSampleModel model
                    && !colours.hasAlpha()
                    && colours instanceof ComponentColorModel
                    && bytes.getNumBanks() == 1
                    && ((model.getNumBands() == 1 && colours.getColorSpace().getType() == ColorSpace.TYPE_GRAY)
                            || (model.getNumBands() == 3
                                    && colours.getColorSpace().isCS_sRGB()))) {
                return new InPlace(image.getWidth(), image.getHeight(), bytes, model, raster);
            }
            return new Drawn(image.getWidth(), image.getHeight(), onWhite(image));
        }
    }

    private static final class InPlace extends LumaRows {

        private final byte[] data;
        private final int origin;
        private final int pixelStride;
        private final int scanlineStride;
        private final int[] bands;

        InPlace(int width, int height, DataBufferByte bytes, ComponentSampleModel model, WritableRaster raster) {
            super(width, height);
            this.data = bytes.getData();
            this.pixelStride = model.getPixelStride();
            this.scanlineStride = model.getScanlineStride();
            this.origin = bytes.getOffset()
                    - raster.getSampleModelTranslateY() * scanlineStride
                    - raster.getSampleModelTranslateX() * pixelStride;
            this.bands = model.getBandOffsets();
        }

        @Override
        void row(int y, int[] out) {
            int at = origin + y * scanlineStride;
            if (bands.length == 1 && pixelStride == 1) { // the JPEG readers' grey: a loop the JIT vectorises
                at += bands[0];
                for (int x = 0; x < width; x++) {
                    out[x] = data[at + x] & 0xff;
                }
            } else if (bands.length == 1) {
                at += bands[0];
                for (int x = 0; x < width; x++, at += pixelStride) {
                    out[x] = data[at] & 0xff;
                }
            } else {
                int r = bands[0];
                int g = bands[1];
                int b = bands[2];
                for (int x = 0; x < width; x++, at += pixelStride) {
                    out[x] = luma(data[at + r] & 0xff, data[at + g] & 0xff, data[at + b] & 0xff);
                }
            }
        }
    }

    private static final class Drawn extends LumaRows {

        private final int[] rgb;

        Drawn(int width, int height, int[] rgb) {
            super(width, height);
            this.rgb = rgb;
        }

        @Override
        void row(int y, int[] out) {
            for (int x = 0, at = y * width; x < width; x++, at++) {
                out[x] = luma(rgb[at]);
            }
        }
    }

    /**
     * Bilinear resampling with pixel centres aligned, as Java2D's bilinear interpolation does. Separable: for each
     * output row the two source rows it lies between are blended (kept ×256, unrounded), then the blend is resampled
     * across; the full-size luma never exists as a whole, and each source row is read once.
     */
    private static byte[] bilinear(LumaRows source, int sw, int sh, int dw, int dh) {
        double sx = (double) sw / dw;
        double sy = (double) sh / dh;
        int[] x0 = new int[dw];
        int[] fx = new int[dw]; // weight of x0 + 1 in 1/256
        for (int x = 0; x < dw; x++) {
            double at = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) at;
            fx[x] = (int) Math.round((at - x0[x]) * 256);
        }
        byte[] out = new byte[dw * dh];
        int[] upper = new int[sw];
        int[] lower = new int[sw];
        int[] blend = new int[sw + 1]; // the last column repeated: x0 + 1 where x0 is the last column, with weight 0
        int upperRow = -1;
        int lowerRow = -1;
        for (int y = 0; y < dh; y++) {
            double at = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int wantUpper = (int) at;
            int wantLower = Math.min(sh - 1, wantUpper + 1);
            if (wantUpper == lowerRow && wantUpper != upperRow) {
                int[] swap = upper;
                upper = lower;
                lower = swap;
                upperRow = lowerRow;
                lowerRow = -1;
            }
            if (wantUpper != upperRow) {
                source.row(wantUpper, upper);
                upperRow = wantUpper;
            }
            if (wantLower != lowerRow) {
                source.row(wantLower, lower);
                lowerRow = wantLower;
            }
            int fy = (int) Math.round((at - wantUpper) * 256);
            int gy = 256 - fy;
            for (int x = 0; x < sw; x++) {
                blend[x] = upper[x] * gy + lower[x] * fy;
            }
            blend[sw] = blend[sw - 1];
            for (int x = 0, o = y * dw; x < dw; x++, o++) {
                int left = x0[x];
                out[o] = (byte) ((blend[left] * (256 - fx[x]) + blend[left + 1] * fx[x] + (1 << 15)) >> 16);
            }
        }
        return out;
    }
}

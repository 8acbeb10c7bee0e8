package cn.medexam.qualification.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The test corpus: real-looking images drawn with Java2D (a photographed document page with text, a table, a stamp and a
 * signature; an ID photo of a person on a plain background), their encodings, and byte-level surgery on JPEG and PNG
 * files (EXIF orientation, padding to an exact size, a header claiming a huge size, truncation). Everything is seeded,
 * so the same bytes come out on every run with the same fonts.
 */
final class TestImages {

    static final Color WHITE = new Color(252, 252, 250);
    static final Color ID_BLUE = new Color(67, 142, 219);

    private static final String HANZI =
            "医师资格考试报名审核材料学历证明毕业证书执业助理试用期考核合格本人承诺所填信息真实有效" + "工作单位医疗机构卫生健康委员会盖章日期年月日临床口腔公共卫生中医专业姓名性别身份证号码";

    private TestImages() {}

    // ---------------------------------------------------------------------------------------------------- pictures

    /** A document page photographed on a desk: slightly turned, unevenly lit, with sensor noise. */
    static BufferedImage document(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage page = page((int) (width * 0.9), (int) (height * 0.9), random);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(photo);
        g.setPaint(new GradientPaint(0, 0, new Color(96, 80, 64), width, height, new Color(60, 50, 42)));
        g.fillRect(0, 0, width, height);
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(1.2), width / 2.0, height / 2.0);
        turn.translate((width - page.getWidth()) / 2.0, (height - page.getHeight()) / 2.0);
        g.drawImage(page, turn, null);
        // a lamp on one side: the far corner is darker
        g.setPaint(new RadialGradientPaint(
                width * 0.2f, height * 0.15f, Math.max(width, height) * 1.1f, new float[] {0f, 1f}, new Color[] {
                    new Color(255, 255, 240, 0), new Color(0, 0, 0, 70)
                }));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return noisy(photo, 3.0, random);
    }

    /** The page alone, as a scanner or a PDF export gives it: no desk, no lamp, no noise (compresses well as PNG). */
    static BufferedImage scan(int width, int height, long seed) {
        return page(width, height, new Random(seed));
    }

    private static BufferedImage page(int width, int height, Random random) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(page);
        g.setColor(new Color(247, 246, 240));
        g.fillRect(0, 0, width, height);
        int margin = width / 12;
        Font title = font(Font.BOLD, width / 22);
        Font body = font(Font.PLAIN, Math.max(10, width / 46));
        g.setColor(new Color(25, 25, 30));
        g.setFont(title);
        String heading = text("医师资格考试报名学历证明", "Certificate of Education");
        g.drawString(heading, (width - g.getFontMetrics().stringWidth(heading)) / 2, margin + title.getSize());
        g.setFont(body);
        int line = (int) (body.getSize() * 1.8);
        int y = margin + title.getSize() * 3;
        int tableTop = (int) (height * 0.45);
        for (; y < tableTop - line; y += line) {
            int indent = random.nextInt(8) == 0 ? body.getSize() * 2 : 0;
            g.drawString(sentence(random, (width - 2 * margin - indent) / body.getSize()), margin + indent, y);
        }
        table(g, margin, tableTop, width - 2 * margin, 5, 3, line * 1.4, random, body);
        y = tableTop + (int) (5 * line * 1.4) + line * 2;
        for (; y < height * 0.8; y += line) {
            g.drawString(sentence(random, (width - 2 * margin) / body.getSize()), margin, y);
        }
        stamp(g, (int) (width * 0.68), (int) (height * 0.84), width / 7, random);
        signature(g, margin, (int) (height * 0.86), width / 4, random);
        g.dispose();
        return page;
    }

    private static void table(
            Graphics2D g, int x, int y, int width, int rows, int columns, double rowHeight, Random random, Font font) {
        g.setStroke(new BasicStroke(Math.max(1f, font.getSize() / 10f)));
        for (int r = 0; r <= rows; r++) {
            int ry = y + (int) (r * rowHeight);
            g.drawLine(x, ry, x + width, ry);
        }
        for (int c = 0; c <= columns; c++) {
            int cx = x + c * width / columns;
            g.drawLine(cx, y, cx, y + (int) (rows * rowHeight));
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                g.drawString(
                        sentence(random, 3 + random.nextInt(4)),
                        x + c * width / columns + font.getSize() / 2,
                        y + (int) ((r + 0.7) * rowHeight));
            }
        }
    }

    private static void stamp(Graphics2D g, int cx, int cy, int radius, Random random) {
        Color red = new Color(214, 40, 40, 210);
        g.setColor(red);
        g.setStroke(new BasicStroke(Math.max(2f, radius / 14f)));
        g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2.0 * radius, 2.0 * radius));
        GeneralPath star = new GeneralPath();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius * 0.3 : radius * 0.12;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                star.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        star.closePath();
        g.fill(star);
        Font font = font(Font.BOLD, Math.max(8, radius / 4));
        g.setFont(font);
        String name = text("卫生健康委员会", "HEALTH COMMISSION");
        double arc = Math.PI * 1.2;
        for (int i = 0; i < name.length(); i++) {
            double a = -Math.PI / 2 - arc / 2 + arc * (i + 0.5) / name.length();
            AffineTransform saved = g.getTransform();
            g.translate(cx + radius * 0.72 * Math.cos(a), cy + radius * 0.72 * Math.sin(a));
            g.rotate(a + Math.PI / 2);
            g.drawString(name.substring(i, i + 1), -font.getSize() / 2, font.getSize() / 2);
            g.setTransform(saved);
        }
        g.setColor(new Color(247, 246, 240, 90)); // uneven ink
        for (int i = 0; i < 12; i++) {
            g.fill(new Ellipse2D.Double(
                    cx - radius + random.nextInt(2 * radius),
                    cy - radius + random.nextInt(2 * radius),
                    radius / 5.0,
                    radius / 7.0));
        }
    }

    private static void signature(Graphics2D g, int x, int y, int width, Random random) {
        g.setColor(new Color(20, 30, 90));
        g.setStroke(new BasicStroke(Math.max(1.5f, width / 90f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double px = x;
        double py = y;
        for (int i = 0; i < 6; i++) {
            double nx = px + width / 6.0;
            double ny = y + (random.nextDouble() - 0.5) * width / 8;
            g.draw(new CubicCurve2D.Double(
                    px, py, px + width / 12.0, py - width / 6.0, nx - width / 12.0, ny + width / 6.0, nx, ny));
            px = nx;
            py = ny;
        }
    }

    /** A head-and-shoulders ID photo on a plain background, the head's top well below the upper edge. */
    static BufferedImage idPhoto(int width, int height, Color background, long seed) {
        Random random = new Random(seed);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(photo);
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        double w = width;
        double h = height;
        Color skin = new Color(226, 186, 158);
        Color hair = new Color(28, 22, 20);
        // suit, shirt, neck
        g.setPaint(
                new GradientPaint(0, (float) (h * 0.75), new Color(38, 44, 66), 0, (float) h, new Color(20, 24, 40)));
        g.fill(new Ellipse2D.Double(w * 0.02, h * 0.76, w * 0.96, h * 0.6));
        g.setColor(skin.darker());
        g.fillRect((int) (w * 0.41), (int) (h * 0.62), (int) (w * 0.18), (int) (h * 0.18));
        g.setColor(new Color(240, 240, 244));
        GeneralPath collar = new GeneralPath();
        collar.moveTo(w * 0.38, h * 0.77);
        collar.lineTo(w * 0.5, h * 0.9);
        collar.lineTo(w * 0.62, h * 0.77);
        collar.lineTo(w * 0.56, h * 0.76);
        collar.lineTo(w * 0.5, h * 0.83);
        collar.lineTo(w * 0.44, h * 0.76);
        collar.closePath();
        g.fill(collar);
        // hair behind the face, ears, face
        g.setColor(hair);
        g.fill(new Ellipse2D.Double(w * 0.25, h * 0.16, w * 0.5, h * 0.42));
        g.setColor(skin.darker());
        g.fill(new Ellipse2D.Double(w * 0.25, h * 0.4, w * 0.08, h * 0.1));
        g.fill(new Ellipse2D.Double(w * 0.67, h * 0.4, w * 0.08, h * 0.1));
        g.setPaint(new RadialGradientPaint(
                (float) (w * 0.47), (float) (h * 0.4), (float) (w * 0.3), new float[] {0f, 1f}, new Color[] {
                    skin.brighter(), skin.darker()
                }));
        g.fill(new Ellipse2D.Double(w * 0.3, h * 0.26, w * 0.4, h * 0.4));
        // fringe and strands
        g.setColor(hair);
        g.fill(new Arc2D.Double(w * 0.28, h * 0.19, w * 0.44, h * 0.2, 0, 180, Arc2D.CHORD));
        g.setStroke(new BasicStroke((float) Math.max(1, w / 300)));
        for (int i = 0; i < 60; i++) {
            double sx = w * (0.36 + 0.28 * random.nextDouble());
            g.draw(new CubicCurve2D.Double(
                    sx,
                    h * 0.2,
                    sx + w * 0.03,
                    h * 0.24,
                    sx - w * 0.02,
                    h * 0.27,
                    sx + (random.nextDouble() - 0.5) * w * 0.05,
                    h * 0.3));
        }
        // eyebrows, eyes, nose, mouth
        g.setStroke(new BasicStroke((float) (w / 70), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(w * 0.36, h * 0.38, w * 0.11, h * 0.04, 20, 140, Arc2D.OPEN));
        g.draw(new Arc2D.Double(w * 0.53, h * 0.38, w * 0.11, h * 0.04, 20, 140, Arc2D.OPEN));
        for (double ex : new double[] {0.415, 0.585}) {
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(w * (ex - 0.045), h * 0.415, w * 0.09, h * 0.03));
            g.setColor(new Color(50, 35, 30));
            g.fill(new Ellipse2D.Double(w * (ex - 0.018), h * 0.413, w * 0.036, h * 0.034));
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(w * (ex - 0.008), h * 0.423, w * 0.016, h * 0.014));
        }
        g.setColor(skin.darker().darker());
        g.setStroke(new BasicStroke((float) (w / 160), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(w * 0.5, h * 0.45, w * 0.48, h * 0.5, w * 0.47, h * 0.52, w * 0.5, h * 0.53));
        g.setColor(new Color(178, 92, 88));
        g.setStroke(new BasicStroke((float) (w / 110), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(w * 0.43, h * 0.545, w * 0.14, h * 0.03, 200, 140, Arc2D.OPEN));
        g.dispose();
        return noisy(photo, 2.0, random);
    }

    /** Gaussian blur with standard deviation {@code sigma} pixels, edges clamped: an out-of-focus shot. */
    static BufferedImage blurred(BufferedImage source, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            total += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        int[] pixels = rgb(source).getRGB(0, 0, w, h, null, 0, w);
        int[] across = convolve(pixels, w, h, kernel, 1, w);
        int[] down = convolve(across, w, h, kernel, w, h);
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, down, 0, w);
        return result;
    }

    private static int[] convolve(int[] pixels, int w, int h, double[] kernel, int stride, int length) {
        int radius = kernel.length / 2;
        int[] out = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int position = stride == 1 ? x : y;
                int base = y * w + x - position * stride;
                double r = 0;
                double gr = 0;
                double b = 0;
                for (int k = -radius; k <= radius; k++) {
                    int p = pixels[base + Math.min(length - 1, Math.max(0, position + k)) * stride];
                    double weight = kernel[k + radius];
                    r += weight * ((p >> 16) & 0xff);
                    gr += weight * ((p >> 8) & 0xff);
                    b += weight * (p & 0xff);
                }
                out[y * w + x] = ((int) Math.round(r) << 16) | ((int) Math.round(gr) << 8) | (int) Math.round(b);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- encodings

    static byte[] jpeg(BufferedImage image, float quality) {
        return jpeg(image, quality, false);
    }

    static byte[] progressiveJpeg(BufferedImage image, float quality) {
        return jpeg(image, quality, true);
    }

    private static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        return writeJpeg(new IIOImage(rgb(image), null, null), quality, progressive);
    }

    /** The JDK's JPEG writer at an explicit quality; an IIOImage carries either an image or a bare raster. */
    private static byte[] writeJpeg(IIOImage image, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The best-quality baseline JPEG of the image that is at most {@code maxBytes} long. */
    static byte[] jpegAtMost(BufferedImage image, int maxBytes) {
        for (int q = 95; q >= 5; q -= 5) {
            byte[] bytes = jpeg(image, q / 100f);
            if (bytes.length <= maxBytes) {
                return bytes;
            }
        }
        throw new IllegalArgumentException("cannot fit in " + maxBytes + " bytes");
    }

    /**
     * An Adobe CMYK JPEG: four components with an APP14 "Adobe" segment, colour transform 0 (plain CMYK, no YCCK), the
     * ink stored inverted as Photoshop stores it. The JDK writes the 4-band raster; the APP14 segment is added here.
     */
    static byte[] cmykJpeg(BufferedImage image, float quality) {
        BufferedImage source = rgb(image);
        int w = source.getWidth();
        int h = source.getHeight();
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[] pixel = new int[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = source.getRGB(x, y);
                int c = 255 - ((p >> 16) & 0xff);
                int m = 255 - ((p >> 8) & 0xff);
                int ye = 255 - (p & 0xff);
                int k = Math.min(c, Math.min(m, ye));
                pixel[0] = 255 - (c - k);
                pixel[1] = 255 - (m - k);
                pixel[2] = 255 - (ye - k);
                pixel[3] = 255 - k;
                raster.setPixel(x, y, pixel);
            }
        }
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}; // version 100, no flags, transform 0
        return insert(writeJpeg(new IIOImage(raster, null, null), quality, false), 2, segment(0xEE, adobe));
    }

    /**
     * A real, valid RGB PNG of one light grey, streamed row by row so no raster is ever built: a decompression bomb
     * whose few kilobytes inflate to {@code 3 × width × height} bytes.
     */
    static byte[] uniformPng(int width, int height) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + 3 * width]; // filter type 0, then the pixels
        Arrays.fill(row, 1, row.length, (byte) 0xEE);
        try (DeflaterOutputStream deflate =
                new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0})
                .array(); // 8 bits, RGB, deflate, no filter method, no interlace
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", header),
                chunk("IDAT", idat.toByteArray()),
                chunk("IEND", new byte[0]));
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    static byte[] bmp(BufferedImage image) {
        return encode(rgb(image), "bmp");
    }

    static byte[] tiff(BufferedImage image) {
        return encode(image, "tiff");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A committed fixture under src/test/resources/images/. */
    static byte[] fixture(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- surgery

    /** The JPEG with an APP1 Exif segment right after SOI whose IFD0 holds only the orientation tag. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        return insert(
                jpeg,
                2,
                segment(
                        0xE1,
                        concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithOrientation(orientation))));
    }

    /** The PNG with an eXIf chunk (PNG 1.5 extension) holding the orientation tag. */
    static byte[] pngWithExifOrientation(byte[] png, int orientation) {
        return insert(png, 33, chunk("eXIf", tiffWithOrientation(orientation)));
    }

    private static byte[] tiffWithOrientation(int orientation) {
        return ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42})
                .putInt(8) // big-endian TIFF header, IFD0 at 8
                .putShort((short) 1) // one entry
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1) // Orientation, SHORT, 1 value
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0) // no next IFD
                .array();
    }

    /** The PNG with a zTXt chunk that inflates to {@code inflated} bytes of text: a bomb hidden in the metadata. */
    static byte[] pngWithTextBomb(byte[] png, int inflated) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1)); // keyword, NUL, deflate
        byte[] spaces = new byte[1 << 16];
        Arrays.fill(spaces, (byte) ' ');
        try (DeflaterOutputStream deflate =
                new DeflaterOutputStream(text, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int written = 0; written < inflated; written += spaces.length) {
                deflate.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return insert(png, 33, chunk("zTXt", text.toByteArray()));
    }

    /** The JPEG grown to exactly {@code size} bytes with COM (comment) segments right after SOI. */
    static byte[] jpegPaddedTo(byte[] jpeg, int size) {
        int missing = size - jpeg.length;
        if (missing < 4 && missing != 0) {
            throw new IllegalArgumentException("a COM segment takes at least 4 bytes, " + missing + " missing");
        }
        ByteArrayOutputStream padding = new ByteArrayOutputStream();
        while (missing > 0) {
            int take = Math.min(missing, 4 + 65533);
            if (missing - take > 0 && missing - take < 4) {
                take -= 4;
            }
            byte[] comment = new byte[take - 4];
            Arrays.fill(comment, (byte) ' ');
            padding.writeBytes(segment(0xFE, comment));
            missing -= take;
        }
        return insert(jpeg, 2, padding.toByteArray());
    }

    /** The PNG grown to exactly {@code size} bytes with a private ancillary chunk right after IHDR. */
    static byte[] pngPaddedTo(byte[] png, int size) {
        int missing = size - png.length;
        if (missing < 12) {
            throw new IllegalArgumentException("a PNG chunk takes at least 12 bytes, " + missing + " missing");
        }
        return insert(png, 33, chunk("paDd", new byte[missing - 12]));
    }

    /** The PNG with an IHDR claiming {@code width × height} (CRC fixed), its pixel data unchanged. */
    static byte[] pngClaiming(byte[] png, int width, int height) {
        byte[] bomb = png.clone();
        ByteBuffer.wrap(bomb, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        return bomb;
    }

    /** The JPEG with a frame header (SOFn) claiming {@code width × height}, its scan data unchanged. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] bomb = jpeg.clone();
        int at = 2;
        while (at + 4 < bomb.length) {
            int marker = bomb[at + 1] & 0xff;
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                ByteBuffer.wrap(bomb, at + 5, 4).putShort((short) height).putShort((short) width);
                return bomb;
            }
            at += 2 + (((bomb[at + 2] & 0xff) << 8) | (bomb[at + 3] & 0xff));
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** The first {@code share} of the file, as an interrupted upload or copy leaves it. */
    static byte[] truncated(byte[] bytes, double share) {
        return Arrays.copyOf(bytes, (int) (bytes.length * share));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("segment too long");
        }
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private static BufferedImage noisy(BufferedImage image, double sigma, Random random) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = clamp(((p >> 16) & 0xff) + (int) Math.round(random.nextGaussian() * sigma));
            int g = clamp(((p >> 8) & 0xff) + (int) Math.round(random.nextGaussian() * sigma));
            int b = clamp((p & 0xff) + (int) Math.round(random.nextGaussian() * sigma));
            pixels[i] = (r << 16) | (g << 8) | b;
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** Serif, which renders the Chinese text where a CJK font is installed (Latin text otherwise). */
    private static Font font(int style, int size) {
        return new Font(Font.SERIF, style, size);
    }

    private static String text(String chinese, String latin) {
        return font(Font.PLAIN, 12).canDisplayUpTo(chinese) == -1 ? chinese : latin;
    }

    private static String sentence(Random random, int length) {
        boolean chinese = font(Font.PLAIN, 12).canDisplayUpTo(HANZI) == -1;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(1, length); i++) {
            if (chinese) {
                s.append(random.nextInt(12) == 0 ? '，' : HANZI.charAt(random.nextInt(HANZI.length())));
            } else {
                s.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }
}

package cn.medexam.qualification.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back as its reader would: the text, the fonts, the QR code a phone would scan. */
public final class Pdfs {

    private Pdfs() {}

    /** The PDF's text as PDFBox extracts it (what search and copy in a viewer find). */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "name embedded=true|false" of every font the pages use. */
    public static List<String> fonts(byte[] pdf) {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    boolean embedded = font instanceof PDType0Font type0
                            ? type0.getDescendantFont().isEmbedded()
                            : font.isEmbedded();
                    fonts.add(font.getName() + " embedded=" + embedded);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    /** The first page as a printer at {@code dpi} would put it on paper. */
    public static BufferedImage render(byte[] pdf, int dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of the QR code on the first page, read from the rendered page as a phone's camera would. */
    public static String qrCode(byte[] pdf) {
        BufferedImage page = render(pdf, 150);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        try {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the first page", e);
        }
    }

    /** Keeps a PDF and its first page as PNG under target/ for a person to look at. */
    public static void keep(String name, byte[] pdf) {
        try {
            Path dir = Path.of("target", "printed-documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".pdf"), pdf);
            javax.imageio.ImageIO.write(
                    render(pdf, 110), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

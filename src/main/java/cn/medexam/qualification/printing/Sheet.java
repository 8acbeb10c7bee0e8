package cn.medexam.qualification.printing;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/**
 * One A4 page being written: the fonts (one embedded CJK font in a few sizes, bold simulated by stroking) and the
 * cells the forms are made of. Not thread-safe; one per document.
 */
final class Sheet {

    /** Millimetres to PDF points. */
    static float mm(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }

    final Document document = new Document(PageSize.A4, mm(20), mm(20), mm(16), mm(16));
    final PdfWriter writer;
    final Font title;
    final Font body;
    final Font bold;
    final Font small;
    final Font large;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Sheet(BaseFont font, String documentTitle) {
        title = new Font(font, 17, Font.BOLD);
        body = new Font(font, 10.5f);
        bold = new Font(font, 10.5f, Font.BOLD);
        small = new Font(font, 9);
        large = new Font(font, 15, Font.BOLD);
        try {
            writer = PdfWriter.getInstance(document, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.addTitle(documentTitle);
        document.addSubject(documentTitle);
        document.addCreator("医师资格考试报名资格线上审核");
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
        document.open();
    }

    void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The title, centred, with some room below. */
    void title(String text) {
        Paragraph paragraph = new Paragraph(text, title);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingAfter(mm(4));
        add(paragraph);
    }

    /** A small right-aligned line, e.g. 考生编号 above a form's table. */
    void rightLine(String text) {
        Paragraph paragraph = new Paragraph(text, small);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        paragraph.setSpacingAfter(mm(1.5));
        add(paragraph);
    }

    Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setLeading(font.getSize() * 1.9f);
        return paragraph;
    }

    static PdfPTable table(float... relativeWidths) {
        PdfPTable table = new PdfPTable(relativeWidths);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        return table;
    }

    /** A printed label of the form, centred. */
    PdfPCell label(String text) {
        return label(text, 1, 1);
    }

    PdfPCell label(String text, int colspan, int rowspan) {
        PdfPCell cell = cell(new Phrase(text, body), colspan, rowspan);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    /** What is filled in: the registration's value, or blank for the candidate's pen. */
    PdfPCell value(String text) {
        return value(text, 1);
    }

    PdfPCell value(String text, int colspan) {
        PdfPCell cell = cell(new Phrase(text == null ? "" : text, body), colspan, 1);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    /** A cell of running text, left-aligned, at least {@code minHeight} tall. */
    PdfPCell text(Phrase phrase, int colspan, float minHeight) {
        PdfPCell cell = cell(phrase, colspan, 1);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setMinimumHeight(minHeight);
        cell.setLeading(0, 1.6f);
        cell.setPaddingTop(mm(1.5));
        cell.setPaddingBottom(mm(2));
        return cell;
    }

    private static PdfPCell cell(Phrase phrase, int colspan, int rowspan) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setColspan(colspan);
        cell.setRowspan(rowspan);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setMinimumHeight(mm(9.5));
        cell.setPadding(mm(1.2));
        cell.setBorderWidth(0.6f);
        return cell;
    }

    Chunk chunk(String text, Font font) {
        return new Chunk(text, font);
    }

    byte[] finish() {
        document.close();
        return out.toByteArray();
    }
}

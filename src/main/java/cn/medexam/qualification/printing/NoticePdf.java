package cn.medexam.qualification.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.util.Map;

/**
 * 《医师资格考试网上报名成功通知单》: the registration facts, the serial number (序列号), and a QR code with the short
 * code that lead the exam-site clerk to the public check {@code /verify/{code}}. The QR code is drawn as vector
 * squares, sharp at any printer's resolution.
 */
final class NoticePdf {

    /** What the notice shows besides the registration. */
    record Issue(String serialNumber, String status, String verifyCode, String verifyUrl, String printedAt) {}

    private static final float[] COLUMNS = {16, 34, 16, 34};

    private NoticePdf() {}

    static byte[] render(BaseFont font, FormFacts facts, Issue issue) {
        Sheet sheet = new Sheet(font, PrintableDocument.REGISTRATION_NOTICE.title());
        sheet.title(PrintableDocument.REGISTRATION_NOTICE.title());
        Paragraph campaign = new Paragraph(facts.examYear() + "年医师资格考试　" + facts.region(), sheet.body);
        campaign.setAlignment(Element.ALIGN_CENTER);
        campaign.setSpacingAfter(Sheet.mm(5));
        sheet.add(campaign);

        PdfPTable table = Sheet.table(COLUMNS);
        row(sheet, table, "考生编号", facts.candidateNo(), "姓　　名", facts.name());
        row(sheet, table, "性　　别", facts.sex(), "出生日期", facts.birthDay());
        row(sheet, table, "证件类型", facts.idType(), "证件号码", facts.idNumber());
        row(sheet, table, "报考类别", facts.examCategory(), "学　　历", facts.education());
        row(sheet, table, "考　　区", facts.region(), "考　　点", facts.examSite());
        table.addCell(sheet.label("序 列 号"));
        PdfPCell serial = sheet.value(null, 3);
        serial.setPhrase(new Phrase(issue.serialNumber(), sheet.large));
        serial.setMinimumHeight(Sheet.mm(13));
        table.addCell(serial);
        table.addCell(sheet.label("审核状态"));
        table.addCell(sheet.value(issue.status(), 3));
        sheet.add(table);

        PdfPTable verification = Sheet.table(32, 68);
        verification.setSpacingBefore(Sheet.mm(6));
        PdfPCell qr = new PdfPCell(qrCode(sheet, issue.verifyUrl(), Sheet.mm(34)));
        qr.setBorder(Rectangle.NO_BORDER);
        qr.setHorizontalAlignment(Element.ALIGN_CENTER);
        qr.setVerticalAlignment(Element.ALIGN_MIDDLE);
        verification.addCell(qr);
        Phrase how = new Phrase();
        how.add(sheet.chunk("核验码：" + grouped(issue.verifyCode()) + "\n", sheet.bold));
        how.add(sheet.chunk("考点工作人员扫描左侧二维码，或在浏览器中打开以下地址，即可核验本通知单的真伪及当前审核状态：\n", sheet.body));
        how.add(sheet.chunk(issue.verifyUrl(), sheet.small));
        PdfPCell text = sheet.text(how, 1, Sheet.mm(34));
        text.setBorder(Rectangle.NO_BORDER);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        verification.addCell(text);
        sheet.add(verification);

        Paragraph notes = sheet.paragraph(
                "说明：\n"
                        + "1. 序列号处出现数字，且上传的报名材料被锁定，为考点资格初审通过。\n"
                        + "2. 考生提供虚假材料的，按照《医师资格考试违纪违规规定》相关条款进行处理。\n"
                        + "3. 请妥善保管本通知单，按考点要求打印、签字后提交或带到考点。",
                sheet.small);
        notes.setSpacingBefore(Sheet.mm(6));
        sheet.add(notes);
        Paragraph signature = sheet.paragraph("考生签字：　　　　　　　　　　年　　月　　日", sheet.body);
        signature.setSpacingBefore(Sheet.mm(10));
        signature.setIndentationLeft(Sheet.mm(70));
        sheet.add(signature);
        Paragraph printed = new Paragraph("打印时间：" + issue.printedAt() + "（北京时间）", sheet.small);
        printed.setAlignment(Element.ALIGN_RIGHT);
        printed.setSpacingBefore(Sheet.mm(8));
        sheet.add(printed);
        return sheet.finish();
    }

    /** 7K3M-Q9TX-2B8R-VW4N: the short code in groups of four, as a person reads and types it. */
    static String grouped(String code) {
        return String.join("-", code.split("(?<=\\G.{4})"));
    }

    private static void row(Sheet sheet, PdfPTable table, String label1, String value1, String label2, String value2) {
        table.addCell(sheet.label(label1));
        table.addCell(sheet.value(value1));
        table.addCell(sheet.label(label2));
        table.addCell(sheet.value(value2));
    }

    /** The QR code of {@code payload}, {@code side} points wide, error correction M and the standard quiet zone. */
    private static Image qrCode(Sheet sheet, String payload, float side) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of the verification address", e);
        }
        float module = side / matrix.getWidth();
        PdfContentByte canvas = sheet.writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(side, side);
        template.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < matrix.getHeight(); y++) {
            // one rectangle per run of dark modules: no seams between neighbours when a viewer smooths edges
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                template.rectangle(start * module, side - (y + 1) * module, (x - start) * module, module);
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}

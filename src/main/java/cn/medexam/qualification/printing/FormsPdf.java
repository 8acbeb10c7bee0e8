package cn.medexam.qualification.printing;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The three blank forms of the Hunan notice (seed 001, 附件2–4) with every field of their tables, in their order and
 * spans, filled in where the registration knows the answer. The candidate prints, completes, has the institution sign
 * and stamp, and photographs the sheet for the material of the same name.
 */
final class FormsPdf {

    /** One six-column grid serves both halves of the certificates, as in the seed's tables. */
    private static final float[] COLUMNS = {13, 16, 12, 25, 13, 21};

    private static final int STAFF_ROWS = 5;

    private static final String PERIOD = "（            ）年（      ）月　　至　　（            ）年（      ）月";

    private static final String INSTITUTION_PLEDGE = "我单位承诺：本表内容及所附材料真实、合法、有效。如有不实，我单位愿承担相应责任及由此所造成的一切后果。";

    private static final String NOTES = "1.带教老师对考生从岗位胜任力（如：基本技能、医患关系、医际关系及职业道德操守等方面）作综合评价是否合格，"
            + "并在相应栏目划“√”。\n2.军队考生须提交团级以上卫生部门的审核证明。\n3.本表栏目空间不够填写，可另附页。";

    private FormsPdf() {}

    /** 《医师资格考试试用期考核证明》 (附件2). */
    static byte[] probationCertificate(BaseFont font, FormFacts facts) {
        Sheet sheet = new Sheet(font, PrintableDocument.PROBATION_CERT_FORM.title());
        sheet.title(PrintableDocument.PROBATION_CERT_FORM.title());
        sheet.rightLine(candidateLine(facts));
        PdfPTable table = Sheet.table(COLUMNS);
        table.addCell(sheet.label("姓　　名"));
        table.addCell(sheet.value(facts.name()));
        table.addCell(sheet.label("性　　别"));
        table.addCell(sheet.value(facts.sex()));
        table.addCell(sheet.label("出生年月"));
        table.addCell(sheet.value(facts.birthMonth()));

        table.addCell(sheet.label("民　　族"));
        table.addCell(sheet.value(null));
        table.addCell(sheet.label("所学专业"));
        table.addCell(sheet.value(null));
        table.addCell(sheet.label("医学学历"));
        table.addCell(sheet.value(facts.medicalEducation()));

        table.addCell(sheet.label("取得学历\n年　　月"));
        table.addCell(sheet.value(null));
        table.addCell(sheet.label("有效身份\n证件号码"));
        table.addCell(sheet.value(facts.idNumber()));
        table.addCell(sheet.label("证　　件\n有效期"));
        table.addCell(sheet.value(null));

        table.addCell(sheet.label("报考类别"));
        table.addCell(sheet.value(facts.examCategory(), 5));

        institution(sheet, table, "试用机构");
        table.addCell(sheet.label("试用起止\n时　　间"));
        table.addCell(sheet.value(PERIOD, 5));
        staff(sheet, table, "主要试用\n岗位(科室)", "带教老师\n医师执业\n证书号码");
        opinion(sheet, table, "试用机构\n考核意见");
        notes(sheet, table);
        sheet.add(table);
        return sheet.finish();
    }

    /** 《执业助理医师报考执业医师执业期考核证明》 (附件3). */
    static byte[] practicePeriodCertificate(BaseFont font, FormFacts facts) {
        Sheet sheet = new Sheet(font, PrintableDocument.PRACTICE_PERIOD_CERT_FORM.title());
        sheet.title(PrintableDocument.PRACTICE_PERIOD_CERT_FORM.title());
        sheet.rightLine(candidateLine(facts));
        Paragraph numbers = sheet.paragraph(
                "执业助理医师资格证书编号：（                                                        ）\n"
                        + "执业助理医师执业证书编号：（                                                        ）",
                sheet.body);
        numbers.setSpacingAfter(Sheet.mm(2));
        sheet.add(numbers);
        PdfPTable table = Sheet.table(COLUMNS);
        table.addCell(sheet.label("姓　　名"));
        table.addCell(sheet.value(facts.name()));
        table.addCell(sheet.label("性　　别"));
        table.addCell(sheet.value(facts.sex()));
        table.addCell(sheet.label("民　　族"));
        table.addCell(sheet.value(null));

        table.addCell(sheet.label("医学学历"));
        table.addCell(sheet.value(facts.medicalEducation()));
        table.addCell(sheet.label("所学专业"));
        table.addCell(sheet.value(null));
        table.addCell(sheet.label("取得学历\n年　　月"));
        table.addCell(sheet.value(null));

        table.addCell(sheet.label("报考类别"));
        table.addCell(sheet.value(facts.examCategory()));
        table.addCell(sheet.label("有效身份\n证件号码"));
        table.addCell(sheet.value(facts.idNumber()));
        table.addCell(sheet.label("证　　件\n有效期"));
        table.addCell(sheet.value(null));

        institution(sheet, table, "工作机构");
        table.addCell(sheet.label("工作起止\n时　　间"));
        table.addCell(sheet.value(PERIOD, 5));
        staff(sheet, table, "主要工作\n岗位(科室)", "带教执业\n医师执业\n证书号码");
        opinion(sheet, table, "工作机构\n考核意见");
        notes(sheet, table);
        sheet.add(table);
        return sheet.finish();
    }

    /** 《应届医学专业毕业生医师资格考试报考承诺书》 (附件4): the blanks stay blanks, the signature block is filled in. */
    static byte[] graduateCommitment(BaseFont font, FormFacts facts) {
        Sheet sheet = new Sheet(font, PrintableDocument.GRADUATE_COMMITMENT_FORM.title());
        sheet.title(PrintableDocument.GRADUATE_COMMITMENT_FORM.title());
        sheet.rightLine(candidateLine(facts));
        Paragraph text = sheet.paragraph(
                "　　本人于＿＿＿＿年＿＿月＿＿日毕业于＿＿＿＿＿＿＿＿＿＿学校＿＿＿＿＿＿＿＿专业。自＿＿＿＿年＿＿月起，在"
                        + "＿＿＿＿＿＿＿＿＿＿＿＿单位试用，至＿＿＿＿年＿＿月试用期将满一年。\n"
                        + "　　本人承诺将于今年医学综合笔试前，将后续试用累计满一年的《医师资格考试试用期考核证明》及时交考点办公室。\n"
                        + "　　如违诺，本人愿承担由此引起的责任，并接受取消当年医师资格考试资格的处理。",
                new com.lowagie.text.Font(font, 12));
        text.setLeading(12 * 2.2f);
        text.setSpacingBefore(Sheet.mm(6));
        text.setSpacingAfter(Sheet.mm(18));
        sheet.add(text);
        Paragraph signature = sheet.paragraph("", new com.lowagie.text.Font(font, 12));
        signature.setIndentationLeft(Sheet.mm(80));
        signature.setLeading(12 * 2.4f);
        signature.add(new Phrase("考生签字：\n", new com.lowagie.text.Font(font, 12)));
        signature.add(new Phrase("有效身份证明号码：" + facts.idNumber() + "\n", new com.lowagie.text.Font(font, 12)));
        signature.add(new Phrase("手机号码：" + facts.phone() + "\n\n", new com.lowagie.text.Font(font, 12)));
        signature.add(new Phrase("　　　　　　年　　　月　　　日", new com.lowagie.text.Font(font, 12)));
        sheet.add(signature);
        return sheet.finish();
    }

    /** 考生编号 and name above the table: the forms themselves have no field for the number. */
    static String candidateLine(FormFacts facts) {
        return "考生编号：" + facts.candidateNo() + "　　姓名：" + facts.name() + "　　" + facts.examYear() + "年 " + facts.region();
    }

    /** 名称 / 地址 + 邮编 / 登记号 + 法人姓名, under one label spanning three rows. */
    private static void institution(Sheet sheet, PdfPTable table, String label) {
        table.addCell(sheet.label(label, 1, 3));
        table.addCell(sheet.label("名　称"));
        table.addCell(sheet.value(null, 4));
        table.addCell(sheet.label("地　址"));
        table.addCell(sheet.value(null, 2));
        table.addCell(sheet.label("邮　编"));
        table.addCell(sheet.value(null));
        table.addCell(sheet.label("登记号"));
        table.addCell(sheet.value(null, 2));
        table.addCell(sheet.label("法人姓名"));
        table.addCell(sheet.value(null));
    }

    /** The posts and their teachers: a two-row header (评价 split into 合格 / 不合格), then five blank rows. */
    private static void staff(Sheet sheet, PdfPTable table, String label, String licenceLabel) {
        table.addCell(sheet.label(label, 1, 2 + STAFF_ROWS));
        table.addCell(sheet.label("岗位(科室)\n名称", 1, 2));
        table.addCell(sheet.label("带教老师评价", 2, 1));
        table.addCell(sheet.label(licenceLabel, 1, 2));
        table.addCell(sheet.label("带教老师签字", 1, 2));
        table.addCell(sheet.label("合格"));
        table.addCell(sheet.label("不合格"));
        for (int row = 0; row < STAFF_ROWS; row++) {
            for (int column = 0; column < 5; column++) {
                table.addCell(sheet.value(null));
            }
        }
    }

    private static void opinion(Sheet sheet, PdfPTable table, String label) {
        table.addCell(sheet.label(label));
        Phrase opinion = new Phrase();
        opinion.add(sheet.chunk(INSTITUTION_PLEDGE + "\n\n", sheet.body));
        opinion.add(sheet.chunk("　　合格（　　　　）　　　　不合格（　　　　）\n\n", sheet.body));
        opinion.add(sheet.chunk("　　　　　　　　　　　　　　单位法人代表/法定代表人签字：\n", sheet.body));
        opinion.add(sheet.chunk("（单位公章）\n\n", sheet.body));
        opinion.add(sheet.chunk("　　　　　　　　　　　　　　　　　　　　　　　　　年　　月　　日", sheet.body));
        table.addCell(sheet.text(opinion, 5, Sheet.mm(52)));
    }

    private static void notes(Sheet sheet, PdfPTable table) {
        PdfPCell label = sheet.label("注：");
        label.setVerticalAlignment(Element.ALIGN_TOP);
        table.addCell(label);
        table.addCell(sheet.text(new Phrase(NOTES, sheet.small), 5, Sheet.mm(16)));
    }
}

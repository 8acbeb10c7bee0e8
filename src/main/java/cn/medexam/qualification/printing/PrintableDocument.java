package cn.medexam.qualification.printing;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a candidate can print. Each form is a material of the checklist (its code is the kind without {@code _FORM}),
 * so the upload form links a material to its blank form.
 */
public enum PrintableDocument {
    PROBATION_CERT_FORM("医师资格考试试用期考核证明", "PROBATION_CERT"),
    PRACTICE_PERIOD_CERT_FORM("执业助理医师报考执业医师执业期考核证明", "PRACTICE_PERIOD_CERT"),
    GRADUATE_COMMITMENT_FORM("应届医学专业毕业生医师资格考试报考承诺书", "GRADUATE_COMMITMENT"),
    REGISTRATION_NOTICE("医师资格考试网上报名成功通知单", "REGISTRATION_NOTICE");

    private final String title;
    private final String materialCode;

    PrintableDocument(String title, String materialCode) {
        this.title = title;
        this.materialCode = materialCode;
    }

    /** The document's Chinese title, as printed on it. */
    public String title() {
        return title;
    }

    /** The checklist material this document is printed for. */
    public String materialCode() {
        return materialCode;
    }

    /** The kind named in a URL, exactly as spelt here. */
    static Optional<PrintableDocument> named(String kind) {
        return Arrays.stream(values()).filter(k -> k.name().equals(kind)).findFirst();
    }
}

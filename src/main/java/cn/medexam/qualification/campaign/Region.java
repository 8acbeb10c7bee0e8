package cn.medexam.qualification.campaign;

/** The exam regions (考区) this installation serves; their names and division codes are in table exam_region. */
public enum Region {
    HUNAN,
    LIAONING,
    SHANDONG,
    SICHUAN
}

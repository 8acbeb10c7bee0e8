package cn.medexam.qualification.campaign;

/** The exam regions (考区) this installation serves. */
public enum Region {
    HUNAN, LIAONING, SHANDONG, SICHUAN
}

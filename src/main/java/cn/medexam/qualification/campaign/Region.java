package cn.medexam.qualification.campaign;

/** The exam regions (考区) this installation serves, with the names people use for them. */
public enum Region {
    HUNAN("湖南"), LIAONING("辽宁"), SHANDONG("山东"), SICHUAN("四川");

    private final String chineseName;

    Region(String chineseName) {
        this.chineseName = chineseName;
    }

    /** 山东 for SHANDONG: what reviewers read in group and filter names. */
    public String chineseName() {
        return chineseName;
    }
}

package cn.medexam.qualification.review;

/** 通过 / 退回 / 不合格. Only the site review returns materials. */
public enum ReviewOutcome {
    PASS,
    RETURN,
    NOT_QUALIFIED
}

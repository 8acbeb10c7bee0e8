package cn.medexam.qualification.review;

/**
 * 通过 / 退回 / 不合格 / 现场审核. Only the site review returns materials or sends a candidate to on-site review (seed
 * 002, 辽宁: "考点对身份证异常及身份证明不匹配的考生做现场审核").
 */
public enum ReviewOutcome {
    PASS,
    RETURN,
    NOT_QUALIFIED,
    ON_SITE
}

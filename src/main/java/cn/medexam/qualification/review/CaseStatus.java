package cn.medexam.qualification.review;

/** Where a candidate's case stands, as the candidate and the registration system see it. */
public enum CaseStatus {
    /** 未提交: uploading (also when sent back to add newly required materials) */
    NOT_SUBMITTED,
    /** 已提交，内容已锁定: waiting for or in the site review */
    SUBMITTED_LOCKED,
    /** 已退回: returned materials unlocked until the resubmission deadline */
    RETURNED,
    /** 初审通过: serial number assigned, waiting for the region's final review */
    SITE_PASSED,
    /** 终审通过 (final) */
    FINAL_PASSED,
    /** 资格审核不通过 (final) */
    NOT_QUALIFIED,
    /** 未提交 / 逾期未重新提交: a deadline passed */
    EXPIRED,
    /** 已取消报名 */
    CANCELLED,
    /** 线下审核: reviewed on paper (serving military, or the region has no online upload) */
    OFFLINE,
    /** 现场审核: told to come to the site with the originals by a date */
    ON_SITE_REVIEW
}

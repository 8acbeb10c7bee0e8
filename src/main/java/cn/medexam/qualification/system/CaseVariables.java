package cn.medexam.qualification.system;

/**
 * The variables of process {@code qualificationReview} (one instance per candidate) that Java code reads or writes,
 * named once. The diagram's expressions use the same names ({@code ${siteOutcome == 'PASS'}}, {@code ${examSite}});
 * the module that writes each variable is named beside it. Here in {@code system} because every module reads some of
 * them, campaign's dates included.
 */
public final class CaseVariables {

    // registration: set when the case starts, examSite and the two display values again on a change
    public static final String CANDIDATE_NO = "candidateNo";
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String ID_NUMBER_MASKED = "idNumberMasked";
    public static final String REGION = "region";
    public static final String EXAM_SITE = "examSite";
    public static final String EXAM_YEAR = "examYear";

    // checklist: 判定报考资格与材料清单 and its re-decision after a change
    public static final String ELIGIBLE = "eligible";
    public static final String OFFLINE_REVIEW = "offlineReview";
    public static final String NEW_MATERIALS = "newMaterials";

    // documents: 核验必需材料, 锁定已提交材料
    public static final String MISSING_MATERIALS = "missingMaterials";
    public static final String NOT_REPLACED_MATERIALS = "notReplacedMaterials";
    public static final String LOCKED_AT = "lockedAt";

    // review: the verdicts (one outcome variable per review task), returns, on-site review, serial number
    public static final String SITE_OUTCOME = "siteOutcome";
    public static final String OFFLINE_OUTCOME = "offlineOutcome";
    public static final String ON_SITE_OUTCOME = "onSiteOutcome";
    public static final String FINAL_OUTCOME = "finalOutcome";
    public static final String NOT_QUALIFIED_STAGE = "notQualifiedStage";
    public static final String NOT_QUALIFIED_REASON = "notQualifiedReason";
    public static final String RETURNED_AT = "returnedAt";
    public static final String RETURN_COUNT = "returnCount";
    /** the review queue's column 审核轮次 (第 n 次初审) */
    public static final String REVIEW_ROUND = "reviewRound";

    public static final String ON_SITE_REASON = "onSiteReason";
    public static final String ON_SITE_REQUESTED_AT = "onSiteRequestedAt";
    public static final String SERIAL_NUMBER = "serialNumber";
    /** who decided, for the office's workload: completing a task through the application sets no engine user */
    public static final String DECIDED_BY = "decidedBy";

    private CaseVariables() {}
}

package cn.medexam.qualification.review;

/** The review rounds, each a user task of the process. */
public enum ReviewStage {
    /** 考点初审 */
    SITE("siteReview", "siteOutcome"),
    /** 线下审核 (纸质材料): serving military, or a region without online upload */
    OFFLINE("offlineReview", "offlineOutcome"),
    /** 现场审核: the candidate comes to the site with the originals */
    ON_SITE("onSiteReview", "onSiteOutcome"),
    /** 考区终审: final, never changed afterwards */
    REGION("regionReview", "finalOutcome");

    private final String taskKey;
    private final String outcomeVariable;

    ReviewStage(String taskKey, String outcomeVariable) {
        this.taskKey = taskKey;
        this.outcomeVariable = outcomeVariable;
    }

    public String taskKey() {
        return taskKey;
    }

    public String outcomeVariable() {
        return outcomeVariable;
    }
}

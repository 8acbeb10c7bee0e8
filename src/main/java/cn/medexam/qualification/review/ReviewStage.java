package cn.medexam.qualification.review;

/** The review rounds, each a user task of the process. */
public enum ReviewStage {
    /** 考点初审 */
    SITE("siteReview", "siteOutcome"),
    /** 现役军人线下审核 */
    OFFLINE("offlineReview", "offlineOutcome"),
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

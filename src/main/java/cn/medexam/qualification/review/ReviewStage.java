package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CaseVariables;

/** The review rounds, each a user task of the process. */
public enum ReviewStage {
    /** 考点初审 */
    SITE("siteReview", CaseVariables.SITE_OUTCOME),
    /** 线下审核 (纸质材料): serving military, or a region without online upload */
    OFFLINE("offlineReview", CaseVariables.OFFLINE_OUTCOME),
    /** 现场审核: the candidate comes to the site with the originals */
    ON_SITE("onSiteReview", CaseVariables.ON_SITE_OUTCOME),
    /** 考区终审: final, never changed afterwards */
    REGION("regionReview", CaseVariables.FINAL_OUTCOME);

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

package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.CaseVariables;

/** The review rounds, each a user task of the process. */
public enum ReviewStage {
    /** 考点初审 */
    SITE(CaseActivities.SITE_REVIEW, CaseVariables.SITE_OUTCOME),
    /** 线下审核 (纸质材料): serving military, or a region without online upload */
    OFFLINE(CaseActivities.OFFLINE_REVIEW, CaseVariables.OFFLINE_OUTCOME),
    /** 现场审核: the candidate comes to the site with the originals */
    ON_SITE(CaseActivities.ON_SITE_REVIEW, CaseVariables.ON_SITE_OUTCOME),
    /** 考区终审: final, never changed afterwards */
    REGION(CaseActivities.REGION_REVIEW, CaseVariables.FINAL_OUTCOME);

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

    /** The site's queue (本考点待初审): its online, paper and on-site reviews. */
    static String[] siteQueue() {
        return new String[] {SITE.taskKey, OFFLINE.taskKey, ON_SITE.taskKey};
    }
}

package cn.medexam.qualification.cases;

import cn.medexam.qualification.checklist.ChecklistDecision;
import cn.medexam.qualification.review.CaseStatus;

/** A case as the registration system sees it. */
public record CaseView(
        String candidateNo,
        String processInstanceId,
        String region,
        String examSite,
        int examYear,
        CaseStatus status,
        ChecklistDecision checklist) {}

package cn.medexam.qualification.system;

/**
 * The ids of the activities of {@code processes/qualification-review.bpmn} (process {@code qualificationReview}) that
 * Java code names — the tasks the application completes or queries, the end events a case's status follows from, the
 * waits the office counts — and those the tests wait at, pass or fire timers of, named once beside {@link
 * CaseVariables}; {@code CaseActivitiesTest} checks that the diagram has each of them.
 */
public final class CaseActivities {

    public static final String ASSIGN_SERIAL_NUMBER = "assignSerialNumber";
    public static final String BECAME_INELIGIBLE = "becameIneligible";
    public static final String CANCELLED = "cancelled";
    public static final String CHECKLIST_UPDATED = "checklistUpdated";
    public static final String FINAL_NOT_QUALIFIED = "finalNotQualified";
    public static final String FINAL_PASSED = "finalPassed";
    public static final String INELIGIBLE = "ineligible";
    public static final String INELIGIBLE_AFTER_CHANGE = "ineligibleAfterChange";
    public static final String LOCK_RESUBMISSION = "lockResubmission";
    public static final String LOCK_SUBMISSION = "lockSubmission";
    public static final String MATERIALS_MISSING = "materialsMissing";
    public static final String NEW_MATERIALS_DURING_FINAL_REVIEW = "newMaterialsDuringFinalReview";
    public static final String NEW_MATERIALS_DURING_SITE_REVIEW = "newMaterialsDuringSiteReview";
    public static final String NEW_MATERIALS_REQUESTED = "newMaterialsRequested";
    public static final String NOT_SUBMITTED = "notSubmitted";
    public static final String NOTIFY_CANCELLED = "notifyCancelled";
    public static final String NOTIFY_CHECKLIST_EXTENDED = "notifyChecklistExtended";
    public static final String NOTIFY_FINAL_NOT_QUALIFIED = "notifyFinalNotQualified";
    public static final String NOTIFY_FINAL_PASSED = "notifyFinalPassed";
    public static final String NOTIFY_INELIGIBLE = "notifyIneligible";
    public static final String NOTIFY_INELIGIBLE_AFTER_CHANGE = "notifyIneligibleAfterChange";
    public static final String NOTIFY_MOVED_TO_ONLINE_UPLOAD = "notifyMovedToOnlineUpload";
    public static final String NOTIFY_MOVED_TO_PAPER_REVIEW = "notifyMovedToPaperReview";
    public static final String NOTIFY_OFFLINE_NOT_QUALIFIED = "notifyOfflineNotQualified";
    public static final String NOTIFY_ON_SITE_MISSED = "notifyOnSiteMissed";
    public static final String NOTIFY_ON_SITE_NOT_QUALIFIED = "notifyOnSiteNotQualified";
    public static final String NOTIFY_ON_SITE_REVIEW = "notifyOnSiteReview";
    public static final String NOTIFY_RESUBMISSION_MISSED = "notifyResubmissionMissed";
    public static final String NOTIFY_RESUBMITTED = "notifyResubmitted";
    public static final String NOTIFY_RETURNED = "notifyReturned";
    public static final String NOTIFY_SITE_NOT_QUALIFIED = "notifySiteNotQualified";
    public static final String NOTIFY_SITE_PASSED = "notifySitePassed";
    public static final String NOTIFY_SUBMITTED = "notifySubmitted";
    public static final String NOTIFY_UPLOAD_MISSED = "notifyUploadMissed";
    public static final String OFFLINE_MOVED_TO_ONLINE = "offlineMovedToOnline";
    public static final String OFFLINE_NOT_QUALIFIED = "offlineNotQualified";
    public static final String OFFLINE_REVIEW = "offlineReview";
    public static final String ON_SITE_DEADLINE_PASSED = "onSiteDeadlinePassed";
    public static final String ON_SITE_MISSED = "onSiteMissed";
    public static final String ON_SITE_NOT_QUALIFIED = "onSiteNotQualified";
    public static final String ON_SITE_REVIEW = "onSiteReview";
    public static final String PAPER_REVIEW_REQUESTED = "paperReviewRequested";
    public static final String REEVALUATE_CHECKLIST = "reevaluateChecklist";
    public static final String REGION_REVIEW = "regionReview";
    public static final String REMIND_RESUBMISSION_DEADLINE = "remindResubmissionDeadline";
    public static final String REMIND_UPLOAD_DEADLINE = "remindUploadDeadline";
    public static final String REQUEST_PAPER_REVIEW = "requestPaperReview";
    public static final String RESUBMISSION_DEADLINE_PASSED = "resubmissionDeadlinePassed";
    public static final String RESUBMISSION_INCOMPLETE = "resubmissionIncomplete";
    public static final String RESUBMISSION_MISSED = "resubmissionMissed";
    public static final String RESUBMISSION_MOVED_TO_PAPER = "resubmissionMovedToPaper";
    public static final String RESUBMISSION_REMINDER = "resubmissionReminder";
    public static final String RESUBMISSION_REMINDER_SKIPPED = "resubmissionReminderSkipped";
    public static final String RESUBMIT_MATERIALS = "resubmitMaterials";
    public static final String SITE_NOT_QUALIFIED = "siteNotQualified";
    public static final String SITE_REVIEW = "siteReview";
    public static final String SITE_REVIEW_MOVED_TO_PAPER = "siteReviewMovedToPaper";
    public static final String UNLOCK_RETURNED_MATERIALS = "unlockReturnedMaterials";
    public static final String UPLOAD_DEADLINE_PASSED = "uploadDeadlinePassed";
    public static final String UPLOAD_MATERIALS = "uploadMaterials";
    public static final String UPLOAD_MOVED_TO_PAPER = "uploadMovedToPaper";
    public static final String UPLOAD_REMINDER = "uploadReminder";
    public static final String UPLOAD_REMINDER_SKIPPED = "uploadReminderSkipped";
    public static final String VERIFY_REQUIRED_MATERIALS = "verifyRequiredMaterials";
    public static final String VERIFY_RESUBMISSION = "verifyResubmission";
    public static final String WAIT_FOR_REVIEW_OPENING = "waitForReviewOpening";

    private CaseActivities() {}
}

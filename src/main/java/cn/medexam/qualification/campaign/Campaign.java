package cn.medexam.qualification.campaign;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

/**
 * One region's review campaign of one exam year. Dates are calendar days: an opening day starts at 00:00 and a
 * deadline day ends at 24:00, Beijing time.
 *
 * @param reminderLead         how long before a deadline the candidate is reminded
 * @param resubmissionDeadline the fixed last day for returned materials, or null when a period applies
 * @param resubmissionPeriod   the time a returned candidate has, counted from the return day, or null
 * @param onlineUpload         whether candidates upload their materials; off, every case goes to the site's paper review
 * @param onSiteReviewPeriod   the time a candidate sent to 现场审核 has to come to the site, counted from that day
 * @param paperApplicationForm what the region asks of the signed 报名暨授予医师资格申请表
 */
public record Campaign(
        Region region,
        int examYear,
        LocalDate uploadOpens,
        LocalDate uploadCloses,
        Duration reminderLead,
        LocalDate reviewOpens,
        LocalDate resubmissionDeadline,
        Period resubmissionPeriod,
        LocalDate finalReviewEnds,
        boolean onlineUpload,
        Period onSiteReviewPeriod,
        PaperApplicationForm paperApplicationForm) {

    /** 报名暨授予医师资格申请表 (seed 002, 辽宁: "将有本人签字的…申请表交到考点"). */
    public enum PaperApplicationForm {
        /** the region does not collect it */
        NOT_COLLECTED,
        /** the site records the day it received the form; the final review shows it */
        RECORDED,
        /** recorded, and the region's final pass needs it */
        REQUIRED_FOR_FINAL_PASS
    }

    /** The last day a candidate returned on {@code returnedOn} may resubmit. */
    public LocalDate resubmissionLastDay(LocalDate returnedOn) {
        return resubmissionDeadline != null ? resubmissionDeadline : returnedOn.plus(resubmissionPeriod);
    }

    /** The last day a candidate sent to on-site review on {@code sentOn} may come to the site. */
    public LocalDate onSiteReviewLastDay(LocalDate sentOn) {
        return sentOn.plus(onSiteReviewPeriod);
    }
}

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
        LocalDate finalReviewEnds) {

    /** The last day a candidate returned on {@code returnedOn} may resubmit. */
    public LocalDate resubmissionLastDay(LocalDate returnedOn) {
        return resubmissionDeadline != null ? resubmissionDeadline : returnedOn.plus(resubmissionPeriod);
    }
}

package cn.medexam.qualification.office;

import cn.medexam.qualification.review.CaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/progress}: a campaign's cases per status, in total and per exam site.
 *
 * @param totals every {@link CaseStatus}, also those with no case
 */
public record Progress(String region, int examYear, Instant asOf, Map<CaseStatus, Long> totals, List<Site> sites) {

    /**
     * @param openReviewTasks    open 考点初审, 线下审核 and 考区终审 tasks of the site's cases
     * @param oldestWaitingSince since when the longest-waiting of them waits, null when none
     * @param overdueReturns     returned cases whose resubmission deadline passed without a resubmission (逾期未重新提交,
     *                           whether the deadline timer has ended them already or not)
     * @param returnedAwaiting   returned cases waiting for the candidate's resubmission (status RETURNED)
     */
    public record Site(
            String site,
            String name,
            Map<CaseStatus, Long> counts,
            long openReviewTasks,
            Instant oldestWaitingSince,
            long overdueReturns,
            long returnedAwaiting) {}
}

package cn.medexam.qualification.office;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The reviewers' workload of a campaign, per exam site ({@code GET /api/admin/workload}). */
public record Workload(String region, int examYear, Instant asOf, List<Site> sites) {

    /**
     * @param openReviewTasks open review tasks of the site's cases, claimed or not
     * @param unclaimed       of them, those nobody has claimed
     * @param claimed         every claimed task: by whom and since when
     * @param decisions       decisions per reviewer per day
     */
    public record Site(
            String site,
            String name,
            long openReviewTasks,
            long unclaimed,
            List<Claim> claimed,
            List<Decisions> decisions) {}

    /** A claimed review task; {@code claimedForMinutes} is how long it has been claimed at {@code asOf}. */
    public record Claim(
            String candidateNo,
            String stage,
            String claimedBy,
            Instant claimedAt,
            long claimedForMinutes,
            Instant waitingSince) {}

    public record Decisions(LocalDate day, String reviewer, long decisions) {}
}

package cn.medexam.qualification.candidate;

import cn.medexam.qualification.notification.CandidateMessage;
import cn.medexam.qualification.review.CaseStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a candidate sees of their case: state, lock time (上报完成，内容已锁定), serial number, deadlines, the
 * checklist with every image, and the messages, newest first. {@code onlineUpload} is off when the region reviews
 * this year's candidates on paper only.
 */
public record MyCase(
        String candidateNo,
        String name,
        CaseStatus status,
        boolean onlineUpload,
        Instant lockedAt,
        String serialNumber,
        Deadlines deadlines,
        List<Material> checklist,
        List<CandidateMessage> messages) {

    /**
     * Last days (inclusive) in Beijing time; resubmission only while returned, on-site review only while the site waits
     * for the candidate.
     */
    public record Deadlines(LocalDate upload, LocalDate resubmission, LocalDate onSiteReview) {}

    public record Material(
            String code,
            String name,
            boolean required,
            int maxImages,
            boolean locked,
            String reviewerReason,
            List<Image> images) {}

    public record Image(String id, String status, Instant uploadedAt, int bytes, String reviewerReason) {}
}

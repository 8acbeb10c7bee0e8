package cn.medexam.qualification.candidate;

import cn.medexam.qualification.campaign.Campaign;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.documents.MaterialImage;
import cn.medexam.qualification.notification.Notifier;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatus;
import cn.medexam.qualification.review.CaseStatusResolver;
import cn.medexam.qualification.review.ReviewService;
import cn.medexam.qualification.review.SerialNumbers;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.ReviewProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Assembles {@link MyCase} from the capabilities that own its parts. */
@Component
class MyCases {

    private final Registrations registrations;
    private final Checklists checklists;
    private final DocumentStore documents;
    private final CaseStatusResolver statuses;
    private final SerialNumbers serialNumbers;
    private final ReviewService reviews;
    private final Campaigns campaigns;
    private final Notifier notifier;
    private final ReviewProperties properties;

    MyCases(
            Registrations registrations,
            Checklists checklists,
            DocumentStore documents,
            CaseStatusResolver statuses,
            SerialNumbers serialNumbers,
            ReviewService reviews,
            Campaigns campaigns,
            Notifier notifier,
            ReviewProperties properties) {
        this.registrations = registrations;
        this.checklists = checklists;
        this.documents = documents;
        this.statuses = statuses;
        this.serialNumbers = serialNumbers;
        this.reviews = reviews;
        this.campaigns = campaigns;
        this.notifier = notifier;
        this.properties = properties;
    }

    MyCase of(String candidateNo) {
        Registration registration =
                registrations.find(candidateNo).orElseThrow(() -> DomainException.notFound("未找到您的报名信息"));
        CaseStatus status = statuses.statusOf(candidateNo).orElse(null);
        List<MaterialImage> images = documents.images(candidateNo);
        boolean returned = status == CaseStatus.RETURNED;
        Map<String, String> returns = returned ? reviews.latestReturns(candidateNo) : Map.of();
        List<String> notReplaced = returned ? documents.notReplaced(candidateNo) : List.of();
        Set<String> returnedImages = returned ? documents.returnedImages(candidateNo) : Set.of();
        List<MyCase.Material> checklist = checklists.activeMaterials(candidateNo).stream()
                .map(material -> {
                    List<MaterialImage> own = images.stream()
                            .filter(i -> i.materialCode().equals(material.code()))
                            .toList();
                    String reason = returns.get(material.code());
                    return new MyCase.Material(
                            material.code(),
                            material.name(),
                            material.required(),
                            material.maxImages(),
                            own.stream().anyMatch(MaterialImage::locked),
                            reason,
                            notReplaced.contains(material.code()),
                            own.stream()
                                    .map(i -> new MyCase.Image(
                                            i.id(),
                                            i.locked() ? "LOCKED" : "UNLOCKED",
                                            i.uploadedAt(),
                                            i.bytes(),
                                            i.locked() ? null : reason,
                                            returnedImages.contains(i.id())))
                                    .toList());
                })
                .toList();
        Instant lockedAt = images.stream()
                .map(MaterialImage::lockedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Campaign campaign = campaigns.of(registration.region(), registration.examYear());
        return new MyCase(
                candidateNo,
                registration.name(),
                status,
                campaign.onlineUpload(),
                lockedAt,
                serialNumbers.of(candidateNo).orElse(null),
                deadlines(registration, campaign, status),
                checklist,
                notifier.messages(candidateNo));
    }

    private MyCase.Deadlines deadlines(Registration registration, Campaign campaign, CaseStatus status) {
        LocalDate resubmission = status != CaseStatus.RETURNED
                ? null
                : reviews.latestReturnAt(registration.candidateNo())
                        .map(at -> campaign.resubmissionLastDay(
                                at.atZone(properties.timeZone()).toLocalDate()))
                        .orElse(null);
        LocalDate onSiteReview = status != CaseStatus.ON_SITE_REVIEW
                ? null
                : reviews.latestOnSiteAt(registration.candidateNo())
                        .map(at -> campaign.onSiteReviewLastDay(
                                at.atZone(properties.timeZone()).toLocalDate()))
                        .orElse(null);
        return new MyCase.Deadlines(campaign.uploadCloses(), resubmission, onSiteReview);
    }
}

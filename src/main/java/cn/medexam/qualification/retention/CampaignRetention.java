package cn.medexam.qualification.retention;

import cn.medexam.qualification.campaign.Campaign;
import cn.medexam.qualification.system.ReviewProperties;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When a campaign's personal data is due (decision 0003): the end (24:00, {@code qr.time-zone}) of its final review
 * day plus {@code qr.retention.after-final-review}. The application's data and the engine's history of its cases are
 * due at the same moment ({@link RetentionJob}, {@link CaseHistoryRemovalTime}).
 */
@Component
class CampaignRetention {

    private final ReviewProperties reviewProperties;
    private final RetentionProperties properties;

    CampaignRetention(ReviewProperties reviewProperties, RetentionProperties properties) {
        this.reviewProperties = reviewProperties;
        this.properties = properties;
    }

    Instant dueAt(Campaign campaign) {
        return campaign.finalReviewEnds()
                .plusDays(1)
                .atStartOfDay(reviewProperties.timeZone())
                .plus(properties.afterFinalReview())
                .toInstant();
    }
}

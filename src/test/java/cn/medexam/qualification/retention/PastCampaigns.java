package cn.medexam.qualification.retention;

import cn.medexam.qualification.campaign.CampaignForm;
import cn.medexam.qualification.campaign.CampaignService;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Applicant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Shandong campaigns of years before any other test's (1971–2019, the first free ones), so that moving the clock
 * past their retention makes no other test's campaign due; the seeded 2021+ campaigns and the 3000+ campaigns of
 * CampaignDatesTest stay untouched. Each campaign's final review ends on 03-31 of its year.
 */
@Component
class PastCampaigns {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Period RETENTION = Period.ofDays(180);
    private static int nextYear = 1971 + (int) (System.currentTimeMillis() / 1000 % 40);

    private final CampaignService campaignService;
    private final Campaigns campaigns;

    PastCampaigns(CampaignService campaignService, Campaigns campaigns) {
        this.campaignService = campaignService;
        this.campaigns = campaigns;
    }

    /** A campaign of a year nobody uses, dated in that year. */
    synchronized int fresh() {
        int year = nextYear;
        for (int tried = 0; campaigns.exists(Region.SHANDONG, year); tried++) {
            if (tried > 2019 - 1971) {
                throw new AssertionError("no free Shandong year before 2020 left: use a fresh database");
            }
            year = year >= 2019 ? 1971 : year + 1;
        }
        nextYear = year >= 2019 ? 1971 : year + 1;
        CampaignForm form = new CampaignForm();
        form.uploadOpens = LocalDate.of(year, 1, 10);
        form.uploadCloses = LocalDate.of(year, 1, 31);
        form.reminderLead = Duration.ofDays(3);
        form.reviewOpens = LocalDate.of(year, 2, 14);
        form.resubmissionDeadline = LocalDate.of(year, 3, 4);
        form.finalReviewEnds = LocalDate.of(year, 3, 31);
        campaignService.save(Region.SHANDONG, year, form);
        return year;
    }

    /** 24:00 Beijing time of the final review day, plus 180 days. */
    static Instant retentionEnds(int year) {
        return retentionEnds(LocalDate.of(year, 3, 31));
    }

    static Instant retentionEnds(LocalDate finalReviewEnds) {
        return finalReviewEnds.plusDays(1).atStartOfDay(BEIJING).plus(RETENTION).toInstant();
    }

    static Applicant applicantOf(int year) {
        Applicant applicant = Applicant.shandongBachelor();
        applicant.examYear = year;
        return applicant;
    }
}

package cn.medexam.qualification.support;

import cn.medexam.qualification.campaign.CampaignForm;
import cn.medexam.qualification.campaign.CampaignService;
import cn.medexam.qualification.campaign.Region;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Campaigns a test sets up for itself, each of an exam year nobody else uses, with the dates of Shandong 2026 (so
 * that {@link CaseDriver#DURING_UPLOAD} falls in its upload period).
 */
@Component
public class TestCampaigns {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(8000 + (int) (System.nanoTime() / 1000 % 1000));

    private final CampaignService campaignService;

    TestCampaigns(CampaignService campaignService) {
        this.campaignService = campaignService;
    }

    /** A new campaign of the region; returns its exam year. */
    public int create(Region region, Consumer<CampaignForm> settings) {
        int year = NEXT_YEAR.getAndIncrement();
        CampaignForm form = new CampaignForm();
        form.uploadOpens = LocalDate.parse("2026-01-08");
        form.uploadCloses = LocalDate.parse("2026-02-10");
        form.reminderLead = Duration.ofDays(3);
        form.reviewOpens = LocalDate.parse("2026-02-27");
        form.resubmissionDeadline = LocalDate.parse("2026-03-12");
        form.finalReviewEnds = LocalDate.parse("2026-03-31");
        settings.accept(form);
        campaignService.save(region, year, form);
        return year;
    }

    /** 该页面是否有上传相关材料按钮出现，由考区进行配置: a campaign whose candidates upload nothing. */
    public int withoutOnlineUpload(Region region) {
        return create(region, form -> form.onlineUpload = false);
    }
}

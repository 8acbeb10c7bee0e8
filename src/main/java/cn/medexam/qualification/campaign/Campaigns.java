package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.RegionNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** Read access to the campaigns, for every capability that needs a date. */
@Service
public class Campaigns implements RegionNames {

    private final CampaignRepository repository;
    private final CampaignClock clock;

    Campaigns(CampaignRepository repository, CampaignClock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Campaign of(Region region, int examYear) {
        return repository.find(region, examYear).orElseThrow(() -> new UnknownCampaignException(region, examYear));
    }

    /** The campaign of a running case, from its variables region and examYear. */
    public Campaign ofCase(VariableScope execution) {
        return of(Region.valueOf((String) execution.getVariable(CaseVariables.REGION)), (Integer)
                execution.getVariable(CaseVariables.EXAM_YEAR));
    }

    /** When the deadlines a reminder is counted back from last moved, if ever. */
    public Optional<Instant> deadlinesMovedAt(Campaign campaign) {
        return repository.deadlinesMovedAt(campaign.region(), campaign.examYear());
    }

    public boolean exists(Region region, int examYear) {
        return repository.find(region, examYear).isPresent();
    }

    /** 山东 for SHANDONG: the region as its reviewers call it. */
    public String regionName(Region region) {
        return repository.regionName(region);
    }

    /** 37 for SHANDONG: the region's administrative division code, part of every serial number. */
    public String divisionCode(Region region) {
        return repository.divisionCode(region);
    }

    @Override
    public String nameOf(String regionCode) {
        return regionName(Region.valueOf(regionCode));
    }

    public List<Campaign> all() {
        return repository.findAll();
    }

    /** The moment the upload deadline passes (24:00 of the last day). */
    public Instant uploadDeadline(Campaign campaign) {
        return clock.endOf(campaign.uploadCloses());
    }

    public Instant resubmissionDeadline(Campaign campaign, Instant returnedAt) {
        return clock.endOf(campaign.resubmissionLastDay(clock.dayOf(returnedAt)));
    }

    /** The moment a candidate sent to on-site review at {@code sentAt} is late (24:00 of the last day). */
    public Instant onSiteReviewDeadline(Campaign campaign, Instant sentAt) {
        return clock.endOf(campaign.onSiteReviewLastDay(clock.dayOf(sentAt)));
    }
}

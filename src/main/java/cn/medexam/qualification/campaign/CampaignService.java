package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a campaign. The timers already waiting in its running cases, and the due dates of their open tasks, are
 * expressions over the campaign ({@link CampaignCalendar}): a change that moves a date starts their recalculation in
 * the background ({@link TimerMoves}, an engine batch) and answers at once.
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository repository;
    private final TimerMoves timerMoves;
    private final EngineClock clock;
    private final ApplicationEventPublisher events;

    CampaignService(
            CampaignRepository repository, TimerMoves timerMoves, EngineClock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.timerMoves = timerMoves;
        this.clock = clock;
        this.events = events;
    }

    /** @param timerMove the background move of the waiting timers, or null when no date moved */
    public record Change(Campaign campaign, boolean created, TimerMove timerMove) {}

    /** The form to fill for a change: the stored campaign, or an empty one for a new region and year. */
    public CampaignForm formFor(Region region, int examYear) {
        return repository.find(region, examYear).map(CampaignForm::of).orElseGet(CampaignForm::new);
    }

    @Transactional
    public Change save(Region region, int examYear, CampaignForm form) {
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Campaign campaign = form.toCampaign(region, examYear);
        Optional<Campaign> before = repository.find(region, examYear);
        boolean created = repository.save(campaign, clock.now());
        if (created) {
            events.publishEvent(new CampaignCreated(region, examYear));
            return new Change(campaign, true, null);
        }
        if (campaign.equals(before.orElseThrow())) {
            return new Change(campaign, false, null);
        }
        if (movesDeadlines(before.get(), campaign)) {
            repository.deadlinesMoved(region, examYear, clock.now());
        }
        if (!before.get().finalReviewEnds().equals(campaign.finalReviewEnds())) {
            events.publishEvent(new FinalReviewMoved(region, examYear));
        }
        TimerMove move = timerMoves.start(region, examYear);
        log.info(
                "campaign {} {} saved, timers of {} running cases move in the background",
                region,
                examYear,
                move.cases());
        return new Change(campaign, false, move);
    }

    /** The latest background move of the campaign's waiting timers. */
    public Optional<TimerMove> latestTimerMove(Region region, int examYear) {
        return timerMoves.latest(region, examYear);
    }

    /** A change of a date that a reminder is counted back from. */
    private static boolean movesDeadlines(Campaign before, Campaign after) {
        return !before.uploadCloses().equals(after.uploadCloses())
                || !before.reminderLead().equals(after.reminderLead())
                || !Objects.equals(before.resubmissionDeadline(), after.resubmissionDeadline())
                || !Objects.equals(before.resubmissionPeriod(), after.resubmissionPeriod());
    }
}

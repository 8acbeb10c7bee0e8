package cn.medexam.qualification.campaign;

import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.EngineClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The dates the process waits for, read from the case's campaign each time a timer is (re)calculated. Used in the
 * BPMN as {@code ${campaignCalendar.uploadDeadline(execution)}}; when an administrator moves a date, the waiting
 * timers are recalculated and pick up the new value.
 */
@Component("campaignCalendar")
public class CampaignCalendar {

    static final String RETURNED_AT = CaseVariables.RETURNED_AT;
    static final String ON_SITE_REQUESTED_AT = CaseVariables.ON_SITE_REQUESTED_AT;

    private final Campaigns campaigns;
    private final CampaignClock clock;
    private final EngineClock engineClock;

    CampaignCalendar(Campaigns campaigns, CampaignClock clock, EngineClock engineClock) {
        this.campaigns = campaigns;
        this.clock = clock;
        this.engineClock = engineClock;
    }

    public Date uploadDeadline(VariableScope execution) {
        return Date.from(campaigns.uploadDeadline(campaign(execution)));
    }

    public Date uploadReminder(VariableScope execution) {
        Campaign campaign = campaign(execution);
        return Date.from(campaigns.uploadDeadline(campaign).minus(campaign.reminderLead()));
    }

    /**
     * Gateway 提醒仍及时？ after the upload reminder fired: the deadline is still ahead, and the reminder's time had
     * not already passed when the deadlines were last moved (moving a deadline to yesterday or tomorrow sends no
     * "deadline near" reminder for a time that was over when it moved).
     */
    public boolean uploadReminderTimely(VariableScope execution) {
        Campaign campaign = campaign(execution);
        Instant deadline = campaigns.uploadDeadline(campaign);
        return timely(campaign, deadline.minus(campaign.reminderLead()), deadline);
    }

    /** Gateway 提醒仍及时？ after the resubmission reminder fired, as {@link #uploadReminderTimely}. */
    public boolean resubmissionReminderTimely(VariableScope execution) {
        Campaign campaign = campaign(execution);
        Instant deadline = resubmissionDeadlineOf(execution);
        return timely(campaign, deadline.minus(campaign.reminderLead()), deadline);
    }

    public Date reviewOpens(VariableScope execution) {
        return Date.from(clock.startOf(campaign(execution).reviewOpens()));
    }

    public Date resubmissionDeadline(VariableScope execution) {
        return Date.from(resubmissionDeadlineOf(execution));
    }

    public Date resubmissionReminder(VariableScope execution) {
        return Date.from(
                resubmissionDeadlineOf(execution).minus(campaign(execution).reminderLead()));
    }

    public Date onSiteReviewDeadline(VariableScope execution) {
        Date sentAt = (Date) execution.getVariable(ON_SITE_REQUESTED_AT);
        return Date.from(campaigns.onSiteReviewDeadline(campaign(execution), sentAt.toInstant()));
    }

    public Date finalReviewEnds(VariableScope execution) {
        return Date.from(clock.endOf(campaign(execution).finalReviewEnds()));
    }

    private boolean timely(Campaign campaign, Instant reminder, Instant deadline) {
        return engineClock.now().isBefore(deadline)
                && campaigns
                        .deadlinesMovedAt(campaign)
                        .map(moved -> !reminder.isBefore(moved))
                        .orElse(true);
    }

    private Instant resubmissionDeadlineOf(VariableScope execution) {
        Date returnedAt = (Date) execution.getVariable(RETURNED_AT);
        return campaigns.resubmissionDeadline(campaign(execution), returnedAt.toInstant());
    }

    private Campaign campaign(VariableScope execution) {
        return campaigns.ofCase(execution);
    }
}

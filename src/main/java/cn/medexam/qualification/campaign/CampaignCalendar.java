package cn.medexam.qualification.campaign;

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

    static final String RETURNED_AT = "returnedAt";
    static final String ON_SITE_REQUESTED_AT = "onSiteRequestedAt";

    private final Campaigns campaigns;
    private final CampaignClock clock;

    CampaignCalendar(Campaigns campaigns, CampaignClock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public Date uploadDeadline(VariableScope execution) {
        return Date.from(campaigns.uploadDeadline(campaign(execution)));
    }

    public Date uploadReminder(VariableScope execution) {
        Campaign campaign = campaign(execution);
        return Date.from(campaigns.uploadDeadline(campaign).minus(campaign.reminderLead()));
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

    private Instant resubmissionDeadlineOf(VariableScope execution) {
        Date returnedAt = (Date) execution.getVariable(RETURNED_AT);
        return campaigns.resubmissionDeadline(campaign(execution), returnedAt.toInstant());
    }

    private Campaign campaign(VariableScope execution) {
        return campaigns.ofCase(execution);
    }
}

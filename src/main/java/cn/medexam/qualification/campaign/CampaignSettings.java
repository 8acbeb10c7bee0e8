package cn.medexam.qualification.campaign;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * How the case's campaign reviews, for the process's gateways: {@code ${campaignSettings.onlineUpload(execution)}}
 * decides between the upload path and the site's paper review, read from the campaign each time it is asked.
 */
@Component("campaignSettings")
public class CampaignSettings {

    private final Campaigns campaigns;

    CampaignSettings(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    public boolean onlineUpload(VariableScope execution) {
        return campaigns.ofCase(execution).onlineUpload();
    }
}

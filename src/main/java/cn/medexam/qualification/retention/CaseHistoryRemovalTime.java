package cn.medexam.qualification.retention;

import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history of a case is due when its campaign's data is ({@link CampaignRetention}, decision 0027). With
 * the removal-time strategy {@code start} the engine asks this provider once, when the case starts, and writes the
 * answer into every history row of the case as it writes the row; ending a case then updates no history table.
 * Other process instances (SMS deliveries) and decisions evaluated on their own keep the engine's rule: their start
 * plus their definition's {@code historyTimeToLive}. Moving a campaign's final review day recalculates its cases'
 * removal times ({@link CaseHistoryRemovalTimes}).
 */
@Component
class CaseHistoryRemovalTime extends AbstractProcessEnginePlugin {

    /** Cases per job of the engine's removal-time batch (its default is one). */
    static final int CASES_PER_JOB = 50;

    private final ObjectProvider<Registrations> registrations;
    private final ObjectProvider<Campaigns> campaigns;
    private final CampaignRetention retention;
    private final ReviewProperties properties;

    CaseHistoryRemovalTime(
            ObjectProvider<Registrations> registrations,
            ObjectProvider<Campaigns> campaigns,
            CampaignRetention retention,
            ReviewProperties properties) {
        this.registrations = registrations;
        this.campaigns = campaigns;
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryRemovalTimeProvider(new Provider());
        Map<String, Integer> invocations = new HashMap<>();
        if (configuration.getInvocationsPerBatchJobByBatchType() != null) {
            invocations.putAll(configuration.getInvocationsPerBatchJobByBatchType());
        }
        invocations.put(Batch.TYPE_PROCESS_SET_REMOVAL_TIME, CASES_PER_JOB);
        configuration.setInvocationsPerBatchJobByBatchType(invocations);
    }

    private final class Provider extends DefaultHistoryRemovalTimeProvider {

        @Override
        public Date calculateRemovalTime(
                HistoricProcessInstanceEventEntity rootInstance, ProcessDefinition definition) {
            if (properties.processDefinitionKey().equals(definition.getKey())
                    && rootInstance.getBusinessKey() != null) {
                var registration = registrations.getObject().find(rootInstance.getBusinessKey());
                if (registration.isPresent()) {
                    return Date.from(retention.dueAt(campaigns
                            .getObject()
                            .of(registration.get().region(), registration.get().examYear())));
                }
            }
            return super.calculateRemovalTime(rootInstance, definition);
        }
    }
}

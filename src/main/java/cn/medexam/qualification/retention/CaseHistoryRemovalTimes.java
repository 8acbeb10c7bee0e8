package cn.medexam.qualification.retention;

import cn.medexam.qualification.campaign.FinalReviewMoved;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the removal times that {@link CaseHistoryRemovalTime} gives the engine's history right when they change, with
 * the engine's own removal-time batch (Cockpit → Batches shows it): when a campaign's final review day moves, for
 * the campaign's cases, running and ended; and at startup, for running process instances that have none because they
 * started before the removal-time strategy was {@code start} (under {@code end} they would get one when they end;
 * under {@code start} never).
 */
@Component
class CaseHistoryRemovalTimes {

    private static final Logger log = LoggerFactory.getLogger(CaseHistoryRemovalTimes.class);

    /** Process instances per batch: the batch's first query lists them in one {@code IN}. */
    static final int INSTANCES_PER_BATCH = 1_000;

    private final HistoryService historyService;
    private final ManagementService managementService;
    private final ReviewProperties properties;

    CaseHistoryRemovalTimes(
            HistoryService historyService, ManagementService managementService, ReviewProperties properties) {
        this.historyService = historyService;
        this.managementService = managementService;
        this.properties = properties;
    }

    /** In the transaction that saves the campaign: the batch commits or rolls back with the new day. */
    @EventListener
    void finalReviewMoved(FinalReviewMoved moved) {
        HistoricProcessInstanceQuery cases = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .variableValueEquals(CaseVariables.REGION, moved.region().name())
                .variableValueEquals(CaseVariables.EXAM_YEAR, moved.examYear());
        long count = cases.count();
        if (count > 0) {
            historyService
                    .setRemovalTimeToHistoricProcessInstances()
                    .calculatedRemovalTime()
                    .byQuery(cases)
                    .executeAsync();
            log.info(
                    "final review of campaign {} {} moved: removal time of {} cases' history recalculated in a batch",
                    moved.region(),
                    moved.examYear(),
                    count);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void runningInstancesWithoutRemovalTime() {
        List<String> ids = historyService
                .createNativeHistoricProcessInstanceQuery()
                .sql("SELECT * FROM " + managementService.getTableName(HistoricProcessInstance.class)
                        + " WHERE REMOVAL_TIME_ IS NULL AND END_TIME_ IS NULL AND ID_ = ROOT_PROC_INST_ID_")
                .list()
                .stream()
                .map(HistoricProcessInstance::getId)
                .toList();
        for (int from = 0; from < ids.size(); from += INSTANCES_PER_BATCH) {
            historyService
                    .setRemovalTimeToHistoricProcessInstances()
                    .calculatedRemovalTime()
                    .byIds(ids.subList(from, Math.min(ids.size(), from + INSTANCES_PER_BATCH))
                            .toArray(String[]::new))
                    .executeAsync();
        }
        if (!ids.isEmpty()) {
            log.info("{} running process instances without a removal time: calculated in a batch", ids.size());
        }
    }
}

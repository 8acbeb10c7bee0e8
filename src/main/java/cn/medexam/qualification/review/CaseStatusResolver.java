package cn.medexam.qualification.review;

import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Reads a case's status from the engine: where its token waits while it runs, which end event it reached when it
 * ended. The process is the one source of truth; nothing keeps a copy of its state.
 */
@Component
public class CaseStatusResolver {

    /** Wait states of the running case, most telling first. */
    private static final Map<String, CaseStatus> WAITING = new LinkedHashMap<>();

    private static final Map<String, CaseStatus> ENDED = Map.ofEntries(
            Map.entry(CaseActivities.FINAL_PASSED, CaseStatus.FINAL_PASSED),
            Map.entry(CaseActivities.INELIGIBLE, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.OFFLINE_NOT_QUALIFIED, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.SITE_NOT_QUALIFIED, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.FINAL_NOT_QUALIFIED, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.INELIGIBLE_AFTER_CHANGE, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.NOT_SUBMITTED, CaseStatus.EXPIRED),
            Map.entry(CaseActivities.RESUBMISSION_MISSED, CaseStatus.EXPIRED),
            Map.entry(CaseActivities.CANCELLED, CaseStatus.CANCELLED),
            Map.entry(CaseActivities.ON_SITE_NOT_QUALIFIED, CaseStatus.NOT_QUALIFIED),
            Map.entry(CaseActivities.ON_SITE_MISSED, CaseStatus.EXPIRED));

    static {
        WAITING.put(CaseActivities.UPLOAD_MATERIALS, CaseStatus.NOT_SUBMITTED);
        WAITING.put(CaseActivities.OFFLINE_REVIEW, CaseStatus.OFFLINE);
        WAITING.put(CaseActivities.ON_SITE_REVIEW, CaseStatus.ON_SITE_REVIEW);
        WAITING.put(CaseActivities.RESUBMIT_MATERIALS, CaseStatus.RETURNED);
        WAITING.put(CaseActivities.REGION_REVIEW, CaseStatus.SITE_PASSED);
        WAITING.put(CaseActivities.SITE_REVIEW, CaseStatus.SUBMITTED_LOCKED);
        WAITING.put(CaseActivities.WAIT_FOR_REVIEW_OPENING, CaseStatus.SUBMITTED_LOCKED);
    }

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ReviewProperties properties;

    CaseStatusResolver(RuntimeService runtimeService, HistoryService historyService, ReviewProperties properties) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.properties = properties;
    }

    /** The status of a running case waiting in this activity, if it is one of the wait states. */
    public static Optional<CaseStatus> ofWaitState(String activityId) {
        return Optional.ofNullable(WAITING.get(activityId));
    }

    /** The status of a case that ended at this end event, if it is one of the outcome end events. */
    public static Optional<CaseStatus> ofEndEvent(String activityId) {
        return Optional.ofNullable(ENDED.get(activityId));
    }

    /** The most telling wait state among a running case's active activities, if it waits in one. */
    public static Optional<String> waitStateAmong(Collection<String> activeActivityIds) {
        return WAITING.keySet().stream().filter(activeActivityIds::contains).findFirst();
    }

    public Optional<CaseStatus> statusOf(String candidateNo) {
        ProcessInstance running = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .processInstanceBusinessKey(candidateNo)
                .singleResult();
        if (running != null) {
            return waitStateAmong(runtimeService.getActiveActivityIds(running.getId()))
                    .map(WAITING::get);
        }
        // the outcome end event the case reached; an event sub process's end is not the instance's endActivityId
        return historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(properties.processDefinitionKey())
                .processInstanceBusinessKey(candidateNo)
                .list()
                .stream()
                .findFirst()
                .flatMap(ended -> historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(ended.getId())
                        .activityType("noneEndEvent")
                        .list()
                        .stream()
                        .map(end -> ENDED.get(end.getActivityId()))
                        .filter(Objects::nonNull)
                        .findFirst());
    }
}

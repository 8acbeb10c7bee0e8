package cn.medexam.qualification.notification;

import cn.medexam.qualification.system.CaseVariables;
import java.util.Date;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Every message the process sends a candidate: the name is the kind of its row in {@code message_template} and the
 * value of the service task's input parameter {@code messageKind}; each says which facts of the case fill it.
 */
enum MessageKind {
    UPLOAD_REMINDER((facts, execution) -> Map.of("deadline", facts.uploadLastDay(execution))),
    UPLOAD_MISSED((facts, execution) -> Map.of("deadline", facts.uploadLastDay(execution))),
    SUBMITTED((facts, execution) -> Map.of("lockedAt", lockedAt(facts, execution))),
    RETURNED((facts, execution) -> Map.of(
            "returns",
            facts.returns(execution.getProcessBusinessKey()),
            "deadline",
            facts.resubmissionLastDay(execution))),
    RESUBMISSION_REMINDER((facts, execution) -> Map.of("deadline", facts.resubmissionLastDay(execution))),
    RESUBMISSION_MISSED((facts, execution) -> Map.of("deadline", facts.resubmissionLastDay(execution))),
    RESUBMITTED((facts, execution) -> Map.of("lockedAt", lockedAt(facts, execution))),
    SITE_PASSED(
            (facts, execution) -> Map.of("serialNumber", (String) execution.getVariable(CaseVariables.SERIAL_NUMBER))),
    FINAL_PASSED((facts, execution) -> Map.of()),
    NOT_QUALIFIED_ELIGIBILITY(MessageKind::reason),
    NOT_QUALIFIED_SITE(MessageKind::reason),
    NOT_QUALIFIED_OFFLINE(MessageKind::reason),
    NOT_QUALIFIED_REGION(MessageKind::reason),
    CHECKLIST_EXTENDED((facts, execution) ->
            Map.of("materials", facts.materialNames((String) execution.getVariable(CaseVariables.NEW_MATERIALS)))),
    CANCELLED((facts, execution) -> Map.of()),
    ON_SITE_REVIEW((facts, execution) -> Map.of(
            "reason",
            (String) execution.getVariable(CaseVariables.ON_SITE_REASON),
            "deadline",
            facts.onSiteLastDay(execution))),
    ON_SITE_MISSED((facts, execution) -> Map.of("deadline", facts.onSiteLastDay(execution))),
    NOT_QUALIFIED_ON_SITE(MessageKind::reason),
    MOVED_TO_PAPER_REVIEW((facts, execution) -> Map.of()),
    MOVED_TO_ONLINE_UPLOAD((facts, execution) -> Map.of("deadline", facts.uploadLastDay(execution)));

    private final BiFunction<CaseFacts, DelegateExecution, Map<String, String>> data;

    MessageKind(BiFunction<CaseFacts, DelegateExecution, Map<String, String>> data) {
        this.data = data;
    }

    /** The template's placeholders, filled from the case. */
    Map<String, String> data(CaseFacts facts, DelegateExecution execution) {
        return data.apply(facts, execution);
    }

    private static String lockedAt(CaseFacts facts, DelegateExecution execution) {
        return facts.moment((Date) execution.getVariable(CaseVariables.LOCKED_AT));
    }

    private static Map<String, String> reason(CaseFacts facts, DelegateExecution execution) {
        return Map.of("reason", (String) execution.getVariable(CaseVariables.NOT_QUALIFIED_REASON));
    }
}

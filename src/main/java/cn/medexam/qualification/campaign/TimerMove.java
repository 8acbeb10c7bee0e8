package cn.medexam.qualification.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The background move of a campaign's waiting timers and task due dates after its dates changed: one engine batch
 * ({@code batchId}, Cockpit → Batches) over the campaign's running cases.
 *
 * @param cases       running cases of the campaign when the change was saved
 * @param casesDone   cases whose timers and due dates the batch has recalculated
 * @param movedTimers timers recalculated so far
 * @param finishedAt  when the last case was done, or null while the move runs
 */
public record TimerMove(
        String id,
        Region region,
        int examYear,
        String batchId,
        int cases,
        int casesDone,
        int movedTimers,
        int movedDueDates,
        Instant startedAt,
        Instant finishedAt) {

    @JsonProperty("done")
    public boolean done() {
        return finishedAt != null;
    }
}

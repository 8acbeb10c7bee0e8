package cn.medexam.qualification.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SMS outbox: a message is queued in the caller's transaction together with its delivery (an smsDelivery
 * process instance whose send is an asynchronous job), so a step that rolls back sends nothing and a step that
 * commits loses nothing.
 */
@Component
class SmsOutbox {

    static final String DELIVERY_PROCESS = "smsDelivery";
    /** Variable of a delivery whose message expires (an activation code): the instant it stops being worth sending. */
    static final String VALID_UNTIL = "validUntil";

    record Queued(
            String id,
            String candidateNo,
            String phone,
            String kind,
            Map<String, String> params,
            String text,
            String status) {

        SmsMessage message() {
            return new SmsMessage(id, phone, kind, params, text);
        }
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final SmsAttempts attempts;

    SmsOutbox(JdbcClient jdbc, RuntimeService runtimeService, ObjectMapper json, SmsAttempts attempts) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.json = json;
        this.attempts = attempts;
    }

    String enqueue(
            String candidateNo, String phone, String kind, Map<String, String> params, String text, Instant now) {
        return enqueue(candidateNo, phone, kind, params, text, now, null);
    }

    /** @param validUntil when the message stops being worth sending, or null; kept as variable of the delivery */
    String enqueue(
            String candidateNo,
            String phone,
            String kind,
            Map<String, String> params,
            String text,
            Instant now,
            Instant validUntil) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO sms_outbox (id, candidate_no, phone, kind, params, text, status, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, candidateNo, phone, kind, write(params), text, Timestamp.from(now))
                .update();
        runtimeService.startProcessInstanceByKey(
                DELIVERY_PROCESS, id, validUntil == null ? Map.of() : Map.of(VALID_UNTIL, Date.from(validUntil)));
        return id;
    }

    Optional<Queued> find(String id) {
        return jdbc.sql("SELECT id, candidate_no, phone, kind, params, text, status FROM sms_outbox WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Queued(
                        rs.getString("id"),
                        rs.getString("candidate_no"),
                        rs.getString("phone"),
                        rs.getString("kind"),
                        read(rs.getString("params")),
                        rs.getString("text"),
                        rs.getString("status")))
                .optional();
    }

    void markSent(String id, String providerId, Instant now) {
        jdbc.sql("UPDATE sms_outbox SET status = 'SENT', provider_id = ?, sent_at = ? WHERE id = ?")
                .params(providerId, Timestamp.from(now), id)
                .update();
    }

    /** A message not sent because it expired before the provider took it (status EXPIRED). */
    void markExpired(String id) {
        jdbc.sql("UPDATE sms_outbox SET status = 'EXPIRED' WHERE id = ? AND status = 'PENDING'")
                .param(id)
                .update();
    }

    /**
     * Deletes these candidates' queued and sent messages, their delivery attempts, and what the demo gateway kept
     * of them (demo_sms rows carry the outbox id). @return how many outbox messages were deleted
     */
    int deleteOf(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return 0;
        }
        attempts.deleteOf(candidateNos);
        jdbc.sql("""
                        DELETE FROM demo_sms
                         WHERE id IN (SELECT id FROM sms_outbox WHERE candidate_no IN (:candidateNos))""").param("candidateNos", candidateNos).update();
        return jdbc.sql("DELETE FROM sms_outbox WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
    }

    private String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String params) {
        try {
            return json.readValue(params, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable SMS parameters in the outbox", e);
        }
    }
}

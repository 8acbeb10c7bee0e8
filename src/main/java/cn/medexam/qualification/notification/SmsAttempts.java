package cn.medexam.qualification.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attempts to hand each SMS to the provider (table sms_attempt). Each is written and committed in a
 * transaction of its own before the provider is called, and its outcome likewise right after: the delivery job's
 * own transaction rolls back when the send fails, or never commits when the node dies, and the record must outlive
 * both. The key (message, attempt number) lets only one node start a given attempt, should two ever run the same
 * delivery at once.
 */
@Component
class SmsAttempts {

    static final String ACCEPTED = "ACCEPTED";
    static final String FOUND = "FOUND";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNKNOWN = "UNKNOWN";

    record Attempt(int number, String node, Instant startedAt, String outcome, String providerId) {

        /** No outcome recorded (the node died or is still at it) or the answer never came. */
        boolean outcomeUnknown() {
            return outcome == null || UNKNOWN.equals(outcome);
        }

        /** The provider has the message: it accepted it, or said so when asked. */
        boolean reachedProvider() {
            return ACCEPTED.equals(outcome) || FOUND.equals(outcome);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SmsAttempts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    List<Attempt> of(String outboxId) {
        return jdbc.sql("""
                        SELECT attempt, node, started_at, outcome, provider_id FROM sms_attempt
                         WHERE outbox_id = ? ORDER BY attempt""")
                .param(outboxId)
                .query((rs, row) -> new Attempt(
                        rs.getInt("attempt"),
                        rs.getString("node"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getString("outcome"),
                        rs.getString("provider_id")))
                .list();
    }

    /** Records, and commits, that this node is about to call the provider. @return the attempt's number */
    int start(String outboxId, String node, Instant now) {
        return ownTransaction.execute(status -> {
            int number = jdbc.sql("SELECT COALESCE(MAX(attempt), 0) + 1 FROM sms_attempt WHERE outbox_id = ?")
                    .param(outboxId)
                    .query(Integer.class)
                    .single();
            jdbc.sql("INSERT INTO sms_attempt (outbox_id, attempt, node, started_at) VALUES (?, ?, ?, ?)")
                    .params(outboxId, number, node, Timestamp.from(now))
                    .update();
            return number;
        });
    }

    /** Records, and commits, what came of an attempt. */
    void end(String outboxId, int number, String outcome, String providerId, String detail, Instant now) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE sms_attempt SET outcome = ?, provider_id = ?, detail = ?, ended_at = ?
                         WHERE outbox_id = ? AND attempt = ?""")
                .params(outcome, providerId, shorten(detail), Timestamp.from(now), outboxId, number)
                .update());
    }

    /** Records, and commits, what the provider said when asked about these attempts (FOUND or NOT_FOUND). */
    void resolve(String outboxId, Collection<Attempt> attempts, String outcome, String detail, Instant now) {
        ownTransaction.executeWithoutResult(status -> attempts.forEach(attempt -> jdbc.sql("""
                        UPDATE sms_attempt SET outcome = ?, detail = ?, ended_at = COALESCE(ended_at, ?)
                         WHERE outbox_id = ? AND attempt = ?""")
                .params(outcome, shorten(detail), Timestamp.from(now), outboxId, attempt.number())
                .update()));
    }

    /** Deletes the attempts of these candidates' messages, in the caller's transaction. */
    int deleteOf(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        DELETE FROM sms_attempt
                         WHERE outbox_id IN (SELECT id FROM sms_outbox WHERE candidate_no IN (:candidateNos))""").param("candidateNos", candidateNos).update();
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}

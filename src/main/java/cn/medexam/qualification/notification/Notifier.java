package cn.medexam.qualification.notification;

import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.Masking;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tells a candidate about their case: renders the kind's template (table message_template, editable without code)
 * with the notification's data, stores it as an in-app message (消息提醒) and queues it as an SMS to the
 * registration phone, all in the transaction of the process step that caused it.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern CLOSING_PUNCTUATION = Pattern.compile("[。！？；，、：.!?;,:]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[。！？；，、：.!?;,:\\s]+$");

    private final JdbcClient jdbc;
    private final SmsOutbox outbox;
    private final Registrations registrations;
    private final EngineClock clock;

    Notifier(JdbcClient jdbc, SmsOutbox outbox, Registrations registrations, EngineClock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.registrations = registrations;
        this.clock = clock;
    }

    public CandidateMessage notify(String candidateNo, String kind, Map<String, String> data) {
        String text = render(template(kind), data);
        Instant now = clock.now();
        CandidateMessage message = new CandidateMessage(UUID.randomUUID().toString(), kind, text, now, null);
        jdbc.sql("INSERT INTO candidate_message (id, candidate_no, kind, text, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(message.id(), candidateNo, kind, message.text(), Timestamp.from(now))
                .update();
        outbox.enqueue(candidateNo, registrations.require(candidateNo).phone(), kind, data, text, now);
        log.info("candidate {} notified: {}", candidateNo, kind);
        return message;
    }

    /** An SMS without an in-app message, e.g. the activation code of an account not yet activated. */
    public void sms(String candidateNo, String phone, String kind, Map<String, String> data) {
        sms(candidateNo, phone, kind, data, null);
    }

    /**
     * An SMS that is worth nothing after {@code validUntil} (an activation code): retried on its own short schedule
     * ({@link SmsRetryCycle}) and, once that instant has passed, not sent at all.
     */
    public void sms(String candidateNo, String phone, String kind, Map<String, String> data, Instant validUntil) {
        outbox.enqueue(candidateNo, phone, kind, data, render(template(kind), data), clock.now(), validUntil);
        log.info("SMS {} queued for candidate {} to {}", kind, candidateNo, Masking.phone(phone));
    }

    /** Marks one of the candidate's messages read; false if the candidate has no such message. */
    public boolean markRead(String candidateNo, String messageId) {
        return jdbc.sql("UPDATE candidate_message SET read_at = COALESCE(read_at, ?) WHERE candidate_no = ? AND id = ?")
                        .params(Timestamp.from(clock.now()), candidateNo, messageId)
                        .update()
                > 0;
    }

    private String template(String kind) {
        return jdbc.sql("SELECT text FROM message_template WHERE kind = ?")
                .param(kind)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no message template for " + kind));
    }

    /** The candidate's messages, newest first. */
    public List<CandidateMessage> messages(String candidateNo) {
        return jdbc.sql("""
                        SELECT id, kind, text, created_at, read_at FROM candidate_message
                         WHERE candidate_no = ? ORDER BY seq DESC""")
                .param(candidateNo)
                .query((rs, row) -> {
                    Timestamp readAt = rs.getTimestamp("read_at");
                    return new CandidateMessage(
                            rs.getString("id"),
                            rs.getString("kind"),
                            rs.getString("text"),
                            rs.getTimestamp("created_at").toInstant(),
                            readAt == null ? null : readAt.toInstant());
                })
                .list();
    }

    /** What {@link #erase} deleted. */
    public record Erased(int messages, int sms) {}

    /**
     * Deletes these candidates' in-app messages and SMS (with the demo gateway's copies), in the caller's
     * transaction (retention of a campaign's data). Deleting what is already gone deletes nothing.
     */
    public Erased erase(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return new Erased(0, 0);
        }
        int messages = jdbc.sql("DELETE FROM candidate_message WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
        return new Erased(messages, outbox.deleteOf(candidateNos));
    }

    /**
     * Fills the placeholders. A value that ends a sentence ("…请重新上传！") where the template goes on with
     * punctuation of its own ("{returns}。") loses its closing mark, so no message reads "！。".
     */
    static String render(String template, Map<String, String> data) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = data.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("message template needs " + placeholder.group(1));
            }
            boolean punctuationFollows = placeholder.end() < template.length()
                    && CLOSING_PUNCTUATION
                            .matcher(template.substring(placeholder.end(), placeholder.end() + 1))
                            .matches();
            placeholder.appendReplacement(
                    text, Matcher.quoteReplacement(punctuationFollows ? withoutClosingPunctuation(value) : value));
        }
        return placeholder.appendTail(text).toString();
    }

    /** "请重新上传！" → "请重新上传". */
    static String withoutClosingPunctuation(String text) {
        return TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
    }
}

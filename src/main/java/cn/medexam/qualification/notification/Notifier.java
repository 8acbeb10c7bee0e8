package cn.medexam.qualification.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.medexam.qualification.system.EngineClock;

/**
 * Tells a candidate about their case: renders the kind's template (table message_template, editable without code)
 * with the notification's data and stores it as an in-app message, in the transaction of the process step that
 * caused it.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final JdbcClient jdbc;
    private final EngineClock clock;

    Notifier(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CandidateMessage notify(String candidateNo, String kind, Map<String, String> data) {
        String template = jdbc.sql("SELECT text FROM message_template WHERE kind = ?").param(kind)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no message template for " + kind));
        Instant now = clock.now();
        CandidateMessage message = new CandidateMessage(UUID.randomUUID().toString(), kind, render(template, data), now, null);
        jdbc.sql("INSERT INTO candidate_message (id, candidate_no, kind, text, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(message.id(), candidateNo, kind, message.text(), Timestamp.from(now))
                .update();
        log.info("candidate {} notified: {}", candidateNo, kind);
        return message;
    }

    /** The candidate's messages, newest first. */
    public List<CandidateMessage> messages(String candidateNo) {
        return jdbc.sql("""
                        SELECT id, kind, text, created_at, read_at FROM candidate_message
                         WHERE candidate_no = ? ORDER BY seq DESC""")
                .param(candidateNo)
                .query((rs, row) -> {
                    Timestamp readAt = rs.getTimestamp("read_at");
                    return new CandidateMessage(rs.getString("id"), rs.getString("kind"), rs.getString("text"),
                            rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
                })
                .list();
    }

    static String render(String template, Map<String, String> data) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = data.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("message template needs " + placeholder.group(1));
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(text).toString();
    }
}

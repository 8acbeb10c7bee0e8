package cn.medexam.qualification.notification;

import cn.medexam.qualification.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps "sent" messages in table demo_sms, where administrators read them (GET /api/admin/demo-sms). */
@Component
@ConditionalOnProperty(name = "qr.sms.gateway", havingValue = "demo")
class DemoSmsGateway implements SmsGateway {

    private final JdbcClient jdbc;
    private final EngineClock clock;

    DemoSmsGateway(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String send(SmsMessage message) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM demo_sms WHERE id = ?")
                        .param(message.idempotencyKey())
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            jdbc.sql("INSERT INTO demo_sms (id, phone, text, sent_at) VALUES (?, ?, ?, ?)")
                    .params(message.idempotencyKey(), message.phone(), message.text(), Timestamp.from(clock.now()))
                    .update();
        }
        return "demo-" + message.idempotencyKey();
    }

    /** The demo keeps each message once under its outbox id: it has it if demo_sms has that row. */
    @Override
    public Optional<String> findAccepted(SmsMessage message, List<Instant> attemptsStarted) {
        return jdbc.sql("SELECT sent_at FROM demo_sms WHERE id = ?")
                .param(message.idempotencyKey())
                .query(Timestamp.class)
                .optional()
                .map(sentAt -> "demo_sms, sent " + sentAt.toInstant());
    }
}

package cn.medexam.qualification.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SMS outbox's backlog for the office's monitoring: messages queued and not yet sent (status PENDING). */
@Component
class SmsOutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    SmsOutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "qr.sms.outbox.pending",
                        jdbc,
                        j -> j.sql("SELECT COUNT(*) FROM sms_outbox WHERE status = 'PENDING'")
                                .query(Long.class)
                                .single())
                .description("SMS queued and not yet sent")
                .register(registry);
    }
}

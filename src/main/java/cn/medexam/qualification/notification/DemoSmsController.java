package cn.medexam.qualification.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the demo gateway sent, newest first, so a demo user can read an activation code (admin page demo-sms.html). */
@RestController
@ConditionalOnProperty(name = "qr.sms.gateway", havingValue = "demo")
class DemoSmsController {

    private static final int LIMIT = 200;

    private final JdbcClient jdbc;

    DemoSmsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SentSms(String phone, String text, Instant sentAt) {}

    @GetMapping("/api/admin/demo-sms")
    List<SentSms> sent(@RequestParam(required = false) String phone) {
        String where = phone == null || phone.isBlank() ? "" : " WHERE phone = :phone";
        var query = jdbc.sql("SELECT phone, text, sent_at FROM demo_sms" + where + " ORDER BY seq DESC LIMIT " + LIMIT);
        if (!where.isEmpty()) {
            query = query.param("phone", phone.trim());
        }
        return query.query((rs, row) -> new SentSms(
                        rs.getString("phone"),
                        rs.getString("text"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}

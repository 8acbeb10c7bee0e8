package cn.medexam.qualification.campaign;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Table {@code campaign}. A campaign row read in a transaction is kept until the transaction ends: a process step
 * reads its case's campaign for every timer date, due date, reminder gateway and message it evaluates (a deadline
 * job of 50 cases some 150 times), and they all get the row as it was first read in the transaction. This
 * repository's own writes drop the kept rows, so a transaction reads its own changes.
 */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign row and when its deadlines last moved (null: never). */
    private record Row(Campaign campaign, Instant deadlinesMovedAt) {}

    private record Key(Region region, int examYear) {}

    Optional<Campaign> find(Region region, int examYear) {
        return row(region, examYear).map(Row::campaign);
    }

    private Optional<Row> row(Region region, int examYear) {
        Map<Key, Optional<Row>> kept = keptInTransaction();
        Key key = new Key(region, examYear);
        if (kept != null && kept.containsKey(key)) {
            return kept.get(key);
        }
        Optional<Row> row = jdbc.sql("SELECT * FROM campaign WHERE region = ? AND exam_year = ?")
                .params(region.name(), examYear)
                .query((rs, n) -> {
                    Timestamp moved = rs.getTimestamp("deadlines_moved_at");
                    return new Row(map(rs, n), moved == null ? null : moved.toInstant());
                })
                .optional();
        if (kept != null) {
            kept.put(key, row);
        }
        return row;
    }

    /** The rows kept in the current transaction, or null outside one. */
    @SuppressWarnings("unchecked")
    private static Map<Key, Optional<Row>> keptInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(CampaignRepository.class);
        if (bound != null) {
            return (Map<Key, Optional<Row>>) bound;
        }
        Map<Key, Optional<Row>> kept = new HashMap<>();
        TransactionSynchronizationManager.bindResource(CampaignRepository.class, kept);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(CampaignRepository.class);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(CampaignRepository.class, kept);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CampaignRepository.class);
            }
        });
        return kept;
    }

    private static void dropKept() {
        Map<Key, Optional<Row>> kept = keptInTransaction();
        if (kept != null) {
            kept.clear();
        }
    }

    String divisionCode(Region region) {
        return jdbc.sql("SELECT division_code FROM exam_region WHERE code = ?")
                .param(region.name())
                .query(String.class)
                .single();
    }

    String regionName(Region region) {
        return jdbc.sql("SELECT name FROM exam_region WHERE code = ?")
                .param(region.name())
                .query(String.class)
                .single();
    }

    List<Campaign> findAll() {
        return jdbc.sql("SELECT * FROM campaign ORDER BY exam_year DESC, region")
                .query(CampaignRepository::map)
                .list();
    }

    /** @return whether the campaign was new */
    boolean save(Campaign c, Instant now) {
        dropKept();
        // the same values in the same column order for both statements: the key last
        Object[] values = {
            date(c.uploadOpens()),
            date(c.uploadCloses()),
            c.reminderLead().toString(),
            date(c.reviewOpens()),
            date(c.resubmissionDeadline()),
            text(c.resubmissionPeriod()),
            date(c.finalReviewEnds()),
            c.onlineUpload(),
            c.onSiteReviewPeriod().toString(),
            c.paperApplicationForm().name(),
            Timestamp.from(now),
            c.region().name(),
            c.examYear()
        };
        int updated = jdbc.sql("""
                        UPDATE campaign SET upload_opens = ?, upload_closes = ?, reminder_lead = ?, review_opens = ?,
                               resubmission_deadline = ?, resubmission_period = ?, final_review_ends = ?, online_upload = ?,
                               on_site_review_period = ?, paper_application_form = ?, updated_at = ?
                         WHERE region = ? AND exam_year = ?""").params(values).update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO campaign (upload_opens, upload_closes, reminder_lead, review_opens,
                               resubmission_deadline, resubmission_period, final_review_ends, online_upload,
                               on_site_review_period, paper_application_form, updated_at, region, exam_year)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        return true;
    }

    /** Records when the deadlines a reminder is counted back from last moved (engine clock). */
    void deadlinesMoved(Region region, int examYear, Instant at) {
        dropKept();
        jdbc.sql("UPDATE campaign SET deadlines_moved_at = ? WHERE region = ? AND exam_year = ?")
                .params(Timestamp.from(at), region.name(), examYear)
                .update();
    }

    Optional<Instant> deadlinesMovedAt(Region region, int examYear) {
        return row(region, examYear).map(Row::deadlinesMovedAt);
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        String period = rs.getString("resubmission_period");
        return new Campaign(
                Region.valueOf(rs.getString("region")),
                rs.getInt("exam_year"),
                day(rs, "upload_opens"),
                day(rs, "upload_closes"),
                Duration.parse(rs.getString("reminder_lead")),
                day(rs, "review_opens"),
                day(rs, "resubmission_deadline"),
                period == null ? null : Period.parse(period),
                day(rs, "final_review_ends"),
                rs.getBoolean("online_upload"),
                Period.parse(rs.getString("on_site_review_period")),
                Campaign.PaperApplicationForm.valueOf(rs.getString("paper_application_form")));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static String text(Period period) {
        return period == null ? null : period.toString();
    }
}

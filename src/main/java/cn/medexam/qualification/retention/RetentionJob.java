package cn.medexam.qualification.retention;

import cn.medexam.qualification.campaign.Campaign;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.candidate.ActivationService;
import cn.medexam.qualification.documents.MaterialUploads;
import cn.medexam.qualification.notification.Notifier;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a campaign's personal data {@code qr.retention.after-final-review} after the end of its final review day
 * (decision 0003): images and view records, messages and SMS, activation codes, profiles and candidates' accounts.
 * Registrations stay. Each package deletes its own tables; this job only walks a campaign's candidates page by page
 * and keeps one row per campaign in {@code campaign_purge}. Each page is one transaction holding that row with
 * {@code FOR UPDATE SKIP LOCKED}, so a second node skips the campaign while another purges it, and a purge that
 * stopped half way is continued by the next run. Logs carry counts only.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Campaigns campaigns;
    private final Registrations registrations;
    private final MaterialUploads documents;
    private final Notifier notifications;
    private final ActivationService candidates;
    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final CampaignRetention retention;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    RetentionJob(
            Campaigns campaigns,
            Registrations registrations,
            MaterialUploads documents,
            Notifier notifications,
            ActivationService candidates,
            JdbcClient jdbc,
            EngineClock clock,
            CampaignRetention retention,
            RetentionProperties properties,
            PlatformTransactionManager transactions) {
        this.campaigns = campaigns;
        this.registrations = registrations;
        this.documents = documents;
        this.notifications = notifications;
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Purges every campaign whose retention has passed and that is not purged yet. */
    @Scheduled(cron = "${qr.retention.cron}", zone = "${qr.time-zone}")
    public void run() {
        Instant now = clock.now();
        for (Campaign campaign : campaigns.all()) {
            if (!retention.dueAt(campaign).isAfter(now) && !finished(campaign)) {
                try {
                    purge(campaign, now);
                } catch (RuntimeException e) {
                    // the next run continues it; the exception's message may name a candidate, so only its type
                    log.error(
                            "deleting the personal data of campaign {} {} stopped ({}); the next run continues",
                            campaign.region(),
                            campaign.examYear(),
                            e.getClass().getName());
                }
            }
        }
    }

    private void purge(Campaign campaign, Instant now) {
        start(campaign, now);
        while (Boolean.TRUE.equals(transaction.execute(status -> purgeNextPage(campaign)))) {
            // one page per transaction
        }
    }

    private void start(Campaign campaign, Instant now) {
        try {
            transaction.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO campaign_purge (region, exam_year, started_at, last_candidate_no, candidates,
                                   images, image_views, messages, sms, activation_codes, profiles, accounts)
                            SELECT ?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, 0
                             WHERE NOT EXISTS (SELECT 1 FROM campaign_purge WHERE region = ? AND exam_year = ?)""")
                    .params(
                            campaign.region().name(),
                            campaign.examYear(),
                            Timestamp.from(now),
                            campaign.region().name(),
                            campaign.examYear())
                    .update());
        } catch (DuplicateKeyException startedByAnotherNode) {
            // the row is there: whoever holds it purges, the other skips
        }
    }

    /** @return whether there may be more to do */
    private boolean purgeNextPage(Campaign campaign) {
        Optional<String> position = jdbc.sql("""
                        SELECT last_candidate_no FROM campaign_purge
                         WHERE region = ? AND exam_year = ? AND finished_at IS NULL
                           FOR UPDATE SKIP LOCKED""")
                .params(campaign.region().name(), campaign.examYear())
                .query(String.class)
                .optional();
        if (position.isEmpty()) {
            return false; // finished, or another node holds the row and purges
        }
        List<String> page = registrations.candidateNumbers(
                campaign.region(), campaign.examYear(), position.get(), properties.batchSize());
        if (page.isEmpty()) {
            finish(campaign);
            return false;
        }
        MaterialUploads.Erased images = documents.erase(page);
        Notifier.Erased messages = notifications.erase(page);
        ActivationService.Erased accounts = candidates.erase(page);
        jdbc.sql("""
                        UPDATE campaign_purge SET last_candidate_no = ?, candidates = candidates + ?,
                               images = images + ?, image_views = image_views + ?, messages = messages + ?,
                               sms = sms + ?, activation_codes = activation_codes + ?, profiles = profiles + ?,
                               accounts = accounts + ?
                         WHERE region = ? AND exam_year = ?""")
                .params(
                        page.get(page.size() - 1),
                        page.size(),
                        images.images(),
                        images.imageViews(),
                        messages.messages(),
                        messages.sms(),
                        accounts.activationCodes(),
                        accounts.profiles(),
                        accounts.accounts(),
                        campaign.region().name(),
                        campaign.examYear())
                .update();
        return true;
    }

    private void finish(Campaign campaign) {
        jdbc.sql("UPDATE campaign_purge SET finished_at = ? WHERE region = ? AND exam_year = ?")
                .params(Timestamp.from(clock.now()), campaign.region().name(), campaign.examYear())
                .update();
        Counts counts = jdbc.sql("""
                        SELECT candidates, images, image_views, messages, sms, activation_codes, profiles, accounts
                          FROM campaign_purge WHERE region = ? AND exam_year = ?""")
                .params(campaign.region().name(), campaign.examYear())
                .query(Counts.class)
                .single();
        log.info(
                "personal data of campaign {} {} deleted: {} candidates, {} images, {} image views, {} messages, "
                        + "{} SMS, {} activation codes, {} profiles, {} accounts",
                campaign.region(),
                campaign.examYear(),
                counts.candidates(),
                counts.images(),
                counts.imageViews(),
                counts.messages(),
                counts.sms(),
                counts.activationCodes(),
                counts.profiles(),
                counts.accounts());
    }

    /** What a campaign's purge deleted, as kept in its row. */
    record Counts(
            int candidates,
            int images,
            int imageViews,
            int messages,
            int sms,
            int activationCodes,
            int profiles,
            int accounts) {}

    private boolean finished(Campaign campaign) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM campaign_purge
                         WHERE region = ? AND exam_year = ? AND finished_at IS NOT NULL""")
                        .params(campaign.region().name(), campaign.examYear())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}

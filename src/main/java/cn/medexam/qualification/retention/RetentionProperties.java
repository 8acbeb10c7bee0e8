package cn.medexam.qualification.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qr.retention.*}.
 *
 * @param afterFinalReview how long a campaign's personal data is kept after the end of its final review day
 * @param cron             when {@link RetentionJob} runs (Spring cron, {@code -} to switch the schedule off)
 * @param batchSize        candidates deleted per transaction
 */
@ConfigurationProperties("qr.retention")
public record RetentionProperties(
        Period afterFinalReview,
        String cron,
        @DefaultValue("200") int batchSize) {}

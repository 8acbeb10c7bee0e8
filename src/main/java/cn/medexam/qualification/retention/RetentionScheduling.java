package cn.medexam.qualification.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link RetentionJob} on its schedule ({@code qr.retention.cron}; the test profile switches it off). */
@Configuration
@EnableScheduling
class RetentionScheduling {}

/**
 * Personal data lifetime: a campaign's images, messages, SMS and candidate accounts are deleted a configured time
 * after its final review; owns {@code campaign_purge}.
 */
@ApplicationModule(
        displayName = "Retention",
        allowedDependencies = {"campaign", "candidate", "documents", "notification", "registration", "system"})
package cn.medexam.qualification.retention;

import org.springframework.modulith.ApplicationModule;

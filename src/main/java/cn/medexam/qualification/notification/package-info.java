/**
 * Messages to candidates: the in-app messages (消息提醒) from the templates, and SMS delivered exactly once through
 * the provider's adapter; owns {@code message_template}, {@code candidate_message}, {@code sms_outbox} and {@code
 * demo_sms}.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"campaign", "checklist", "registration", "review", "system"})
package cn.medexam.qualification.notification;

import org.springframework.modulith.ApplicationModule;

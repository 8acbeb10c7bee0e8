/**
 * Personal data lifetime: a campaign's images, messages, SMS and candidate accounts are deleted a configured time
 * after its final review; owns {@code campaign_purge}.
 */
package cn.medexam.qualification.retention;

package cn.medexam.qualification.notification;

import java.util.Map;

/**
 * One SMS to send.
 *
 * @param idempotencyKey the same for every attempt to deliver this message
 * @param kind           the message template's kind; providers map it to their approved template
 * @param params         the template's parameters
 * @param text           the rendered text, for gateways that send free text
 */
public record SmsMessage(String idempotencyKey, String phone, String kind, Map<String, String> params, String text) {}

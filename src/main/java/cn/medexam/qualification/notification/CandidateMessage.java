package cn.medexam.qualification.notification;

import java.time.Instant;

/** 消息提醒: one timestamped message on the candidate's page. */
public record CandidateMessage(String id, String kind, String text, Instant createdAt, Instant readAt) {}

package jp.jcstar.lab.notifications;

import java.time.OffsetDateTime;

/** A reminder or escalation the process raised for a group of people. */
public record Notification(long id, String kind, String recipientGroup, String message, OffsetDateTime createdAt) {
}

package jp.jcstar.lab.notifications;

import java.time.OffsetDateTime;

/** One mail of the outbox, as the outbox page shows it and the sender sends it. */
public record OutboxMail(long id, String messageKey, MailKind kind, Long assessmentId, String recipientUser,
                         String recipientAddress, MailLanguage language, String subject, String body, State state,
                         int attempts, OffsetDateTime queuedAt, OffsetDateTime nextAttemptAt, String lastError,
                         OffsetDateTime createdAt, OffsetDateTime sentAt) {

    public enum State {
        /** Waiting for the sender (also after a failed attempt, until its next attempt). */
        QUEUED,
        /** Claimed by a node that is sending it now. */
        SENDING,
        SENT,
        /** Given up after retrying for jcstar.mail.give-up-after; a lab manager sees the last error and can send it again. */
        FAILED,
        /** The person has no e-mail address. */
        NO_ADDRESS,
        /** No SMTP server was configured when it was written: kept here to be read, not sent later. */
        HELD
    }

    public boolean waiting() {
        return state == State.QUEUED || state == State.SENDING;
    }
}

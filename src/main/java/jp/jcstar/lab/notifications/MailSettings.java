package jp.jcstar.lab.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lab's mail settings ({@code jcstar.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}. Without
 * {@code spring.mail.host} nothing is sent: mails stay in the outbox, where lab managers read them.
 *
 * @param from          the sender address of every mail
 * @param publicUrl     the address people open the app at; links in mails start with it
 * @param pollInterval  how often the outbox is looked at for mails that are due (a new mail is sent at its commit)
 * @param retryAfter    the wait after the first failed attempt, doubled after each further one
 * @param maxRetryWait  the longest wait between two attempts
 * @param giveUpAfter   how long a mail is retried before it is FAILED (a lab manager can send it again)
 * @param claimTimeout  a mail a node claimed and did not record as sent in this time (the node died) is queued
 *                      again; longer than the SMTP timeouts (spring.mail.properties.mail.smtp.*timeout)
 * @param remindBefore  how long before a due date the manufacturer is reminded
 * @param digestCron    when engineers get the day's digest of work waiting for their group (lab time, Asia/Tokyo)
 */
@ConfigurationProperties("jcstar.mail")
public record MailSettings(
        @DefaultValue("jcstar-lab@localhost") String from,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("PT30S") Duration retryAfter,
        @DefaultValue("PT15M") Duration maxRetryWait,
        @DefaultValue("P2D") Duration giveUpAfter,
        @DefaultValue("PT5M") Duration claimTimeout,
        @DefaultValue("P3D") Duration remindBefore,
        @DefaultValue("0 0 8 * * MON-FRI") String digestCron) {

    public MailSettings {
        for (Duration duration : new Duration[] {pollInterval, retryAfter, maxRetryWait, giveUpAfter, claimTimeout,
                remindBefore}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("jcstar.mail durations must be positive, such as PT10S or P3D");
            }
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A path of the app as a link that works from a mail client. */
    String link(String path) {
        return path == null ? publicUrl + "/" : publicUrl + path;
    }
}

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
 * @param maxAttempts   failed SMTP attempts after which a mail is FAILED (it stays on the outbox page)
 * @param retryAfter    the wait after the first failed attempt, doubled after each further one
 * @param claimTimeout  a mail a node claimed and did not record as sent in this time (the node died) is queued again
 * @param remindBefore  how long before a due date the manufacturer is reminded
 * @param digestCron    when engineers get the day's digest of work waiting for their group (lab time, Asia/Tokyo)
 */
@ConfigurationProperties("jcstar.mail")
public record MailSettings(
        @DefaultValue("jcstar-lab@localhost") String from,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration retryAfter,
        @DefaultValue("PT5M") Duration claimTimeout,
        @DefaultValue("P3D") Duration remindBefore,
        @DefaultValue("0 0 8 * * MON-FRI") String digestCron) {

    public MailSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("jcstar.mail.max-attempts must be at least 1, was " + maxAttempts);
        }
        for (Duration duration : new Duration[] {pollInterval, retryAfter, claimTimeout, remindBefore}) {
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

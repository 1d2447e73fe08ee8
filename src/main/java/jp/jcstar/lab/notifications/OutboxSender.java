package jp.jcstar.lab.notifications;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the outbox's queued mails through the SMTP server of {@code spring.mail.*}: right after the commit that wrote
 * them, and every {@code jcstar.mail.poll-interval} for retries, for mails of other nodes and for what a stopped node
 * left. Each mail is claimed by one node in a committed update before the SMTP server hears of it, so two nodes never
 * send the same mail; a node that dies after claiming leaves it SENDING, and after {@code claim-timeout} it is queued
 * again. Its Message-ID is the row's own random key, so a mail sent again after such a death is the same message to
 * every mail system (docs/adr/0014-mail-outbox.md). A failed attempt is retried with growing waits (at most
 * {@code max-retry-wait} apart) until {@code give-up-after}; a pass stops at the first mail server that cannot be
 * reached, so an outage costs one timeout per pass, not one per mail. Without an SMTP server it sends nothing.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailSettings settings;
    private final TaskScheduler scheduler;
    private final String node;
    private final String messageIdDomain;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, MailSettings settings,
                        TaskScheduler scheduler, @Value("${jcstar.node-name:}") String nodeName) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.scheduler = scheduler;
        this.node = nodeName.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : nodeName.strip();
        this.messageIdDomain = settings.from().contains("@")
                ? settings.from().substring(settings.from().lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "")
                : "jcstar-lab";
    }

    /** Whether an SMTP server is configured; without one, mails are kept (HELD) for the outbox page. */
    public boolean canSend() {
        return smtp.getIfAvailable() != null;
    }

    /** The time of sending attempts: the machine's clock (a test that moves the lab's clock does not delay mail). */
    static OffsetDateTime machineNow() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Sends soon after the current transaction commits (nothing if it rolls back): one pass for all the mails the
     * transaction wrote.
     */
    void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(this)) {
                return; // this transaction already asked
            }
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.schedule(OutboxSender.this::sendDue, Instant.now());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OutboxSender.this);
                }
            });
        } else {
            scheduler.schedule(this::sendDue, Instant.now());
        }
    }

    /** One pass over the due mails; a pass asked for while one runs runs again right after it. */
    @Scheduled(fixedDelayString = "${jcstar.mail.poll-interval:PT10S}", initialDelayString = "PT5S")
    public void sendDue() {
        JavaMailSender mailSender = smtp.getIfAvailable();
        if (mailSender == null) {
            return;
        }
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                again.set(true); // the pass that runs now does it
                return;
            }
            try {
                int requeued = outbox.requeueAbandoned(settings.claimTimeout());
                if (requeued > 0) {
                    log.warn("{} mail(s) claimed by a node that never recorded them as sent are queued again", requeued);
                }
                List<Long> due;
                boolean reachable = true;
                do {
                    due = outbox.due(machineNow(), BATCH);
                    for (Long id : due) {
                        reachable = send(mailSender, id);
                        if (!reachable) {
                            break; // the others wait for the next pass
                        }
                    }
                } while (reachable && due.size() == BATCH);
            } catch (RuntimeException e) {
                log.error("Sending the outbox's mails failed; the next pass tries again", e);
            } finally {
                running.set(false);
            }
        }
    }

    /** Sends one mail; false when the mail server could not be reached at all. */
    private boolean send(JavaMailSender mailSender, long id) {
        if (!outbox.claim(id, node)) {
            return true; // another node took it
        }
        OutboxMail mail = outbox.find(id).orElseThrow();
        try {
            mailSender.send(message(mailSender, mail));
        } catch (MessagingException | RuntimeException e) {
            // Any failure is an attempt that failed: a mail that cannot be built or sent is retried, then FAILED,
            // never left SENDING to be taken up again and again.
            OffsetDateTime now = machineNow();
            Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(mail.attempts() - 1, 16));
            wait = wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
            boolean giveUp = now.plus(wait).isAfter(mail.queuedAt().plus(settings.giveUpAfter()));
            outbox.attemptFailed(id, node, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    giveUp ? Optional.empty() : Optional.of(now.plus(wait)));
            log.warn("Mail {} to {} not sent (attempt {}{}): {}", id, mail.recipientAddress(), mail.attempts(),
                    giveUp ? ", the last" : "", e.getMessage());
            return !unreachable(e);
        }
        try {
            outbox.sent(id, node, machineNow());
        } catch (RuntimeException e) {
            // Sent, but not recorded: the claim stays, and runs out (claim-timeout) before the mail is sent again
            // with the same Message-ID. Better than queuing it again at once as if it had failed.
            log.error("Mail {} was sent but could not be recorded as sent; it stays SENDING", id, e);
        }
        return true;
    }

    /** Whether a failure means the mail server could not be reached (not that it refused this one mail). */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
            if (cause instanceof MailSendException send) {
                for (Exception failed : send.getFailedMessages().values()) {
                    if (unreachable(failed)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private MimeMessage message(JavaMailSender mailSender, OutboxMail mail) throws MessagingException {
        String messageId = "<" + mail.messageKey() + "@" + messageIdDomain + ">";
        MimeMessage message = new MimeMessage(mailSender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipientAddress());
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        helper.setSentDate(new java.util.Date());
        message.setHeader("Content-Language", mail.language() == MailLanguage.EN ? "en"
                : mail.language() == MailLanguage.JA ? "ja" : "ja, en");
        return message;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}

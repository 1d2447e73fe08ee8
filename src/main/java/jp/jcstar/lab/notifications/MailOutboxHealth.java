package jp.jcstar.lab.notifications;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The mail outbox as health component "mailOutbox" (part of readiness) and as gauges: whether an SMTP server is
 * configured, how many mails wait, failed or had no address, and how long the oldest waiting one has waited. A
 * backlog is shown, not judged: a mail server that is down must not take the app away from the people working in
 * it, so the node stays ready while its outbox can be read; monitoring alerts on the gauges.
 */
@Component("mailOutboxHealthIndicator")
public class MailOutboxHealth extends AbstractHealthIndicator {

    private final MailOutbox outbox;
    private final OutboxSender sender;

    public MailOutboxHealth(MailOutbox outbox, OutboxSender sender, MeterRegistry registry) {
        super("The mail outbox could not be read");
        this.outbox = outbox;
        this.sender = sender;
        for (OutboxMail.State state : OutboxMail.State.values()) {
            Gauge.builder("jcstar.mails", () -> outbox.countByState().get(state))
                    .description("Mails of the outbox by state").tag("state", state.name()).register(registry);
        }
        Gauge.builder("jcstar.mails.oldest.waiting", () -> oldestWaiting().toSeconds())
                .description("How long the oldest mail not yet sent has waited").baseUnit("seconds").register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<OutboxMail.State, Long> counts = outbox.countByState();
        health.up()
                .withDetail("smtpConfigured", sender.canSend())
                .withDetail("queued", counts.get(OutboxMail.State.QUEUED) + counts.get(OutboxMail.State.SENDING))
                .withDetail("failed", counts.get(OutboxMail.State.FAILED))
                .withDetail("oldestWaitingSeconds", oldestWaiting().toSeconds());
    }

    private Duration oldestWaiting() {
        return outbox.oldestWaiting().map(created -> Duration.between(created, OffsetDateTime.now()))
                .filter(waited -> !waited.isNegative()).orElse(Duration.ZERO);
    }
}

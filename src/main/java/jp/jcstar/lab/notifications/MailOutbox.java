package jp.jcstar.lab.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mails written and what became of each. A mail is inserted in the transaction of the event that causes it; the
 * sender moves it QUEUED → SENDING (one node's claim, committed before it talks to the SMTP server) → SENT, or back
 * to QUEUED with its next attempt, or FAILED. Times of attempts are the machine's, not the lab's (test) clock; claims
 * are timed by the database's clock, which every node shares.
 */
@Repository
public class MailOutbox {

    /** A mail to write: everything but its id and its life after the insert. */
    record NewMail(String dedupeKey, MailKind kind, Long assessmentId, String recipientUser, String recipientAddress,
                   MailLanguage language, String subject, String body, OutboxMail.State state) {
    }

    private final JdbcClient jdbc;

    public MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a mail; with a dedupe key only when none with that key was written before (false then). */
    boolean add(NewMail mail, OffsetDateTime createdAt, OffsetDateTime queuedAt) {
        if (mail.dedupeKey() != null && jdbc.sql("select count(*) from mail_outbox where dedupe_key = ?")
                .param(mail.dedupeKey()).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                        insert into mail_outbox (dedupe_key, message_key, kind, assessment_id, recipient_user,
                            recipient_address, language, subject, body, state, attempts, queued_at, next_attempt_at,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(mail.dedupeKey(), UUID.randomUUID().toString(), mail.kind().name(), mail.assessmentId(),
                        mail.recipientUser(), mail.recipientAddress(), mail.language().code(), mail.subject(),
                        mail.body(), mail.state().name(), queuedAt, queuedAt, createdAt)
                .update();
        return true;
    }

    /** Ids of queued mails whose next attempt is due, oldest first. */
    List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        select id from mail_outbox where state = 'QUEUED' and next_attempt_at <= ?
                        order by id fetch first ? rows only""")
                .params(now, limit).query(Long.class).list();
    }

    /** Takes a queued mail for this node; false when another node took it first. */
    boolean claim(long id, String node) {
        return jdbc.sql("""
                        update mail_outbox set state = 'SENDING', claimed_by = ?, claimed_at = current_timestamp,
                            attempts = attempts + 1
                        where id = ? and state = 'QUEUED'""")
                .params(node, id).update() == 1;
    }

    void sent(long id, String node, OffsetDateTime now) {
        jdbc.sql("update mail_outbox set state = 'SENT', sent_at = ?, last_error = null where id = ? and claimed_by = ?")
                .params(now, id, node).update();
    }

    /** An attempt failed: queued again for {@code nextAttemptAt}, or FAILED when that was the last attempt. */
    void attemptFailed(long id, String node, String error, Optional<OffsetDateTime> nextAttemptAt) {
        String cut = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (nextAttemptAt.isPresent()) {
            jdbc.sql("""
                            update mail_outbox set state = 'QUEUED', next_attempt_at = ?, last_error = ?
                            where id = ? and claimed_by = ?""")
                    .params(nextAttemptAt.get(), cut, id, node).update();
        } else {
            jdbc.sql("update mail_outbox set state = 'FAILED', last_error = ? where id = ? and claimed_by = ?")
                    .params(cut, id, node).update();
        }
    }

    /** Mails a node claimed longer ago than {@code timeout} and never recorded as sent: that node died. */
    int requeueAbandoned(Duration timeout) {
        return jdbc.sql("update mail_outbox set state = 'QUEUED' where state = 'SENDING' and claimed_at < current_timestamp"
                + " - interval '" + timeout.toSeconds() + "' second").update();
    }

    /** A FAILED mail queued again, now, with a new period of retries (a lab manager's "send again"). */
    boolean sendAgain(long id, OffsetDateTime now) {
        return jdbc.sql("""
                        update mail_outbox set state = 'QUEUED', queued_at = ?, next_attempt_at = ?
                        where id = ? and state = 'FAILED'""")
                .params(now, now, id).update() == 1;
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(MailOutbox::mail).optional();
    }

    /** The newest mails first, optionally of one state. */
    public List<OutboxMail> latest(Optional<OutboxMail.State> state, int limit) {
        return (state.isPresent()
                ? jdbc.sql("select * from mail_outbox where state = ? order by id desc fetch first ? rows only")
                        .params(state.get().name(), limit)
                : jdbc.sql("select * from mail_outbox order by id desc fetch first ? rows only").param(limit))
                .query(MailOutbox::mail).list();
    }

    public List<OutboxMail> ofAssessment(long assessmentId) {
        return jdbc.sql("select * from mail_outbox where assessment_id = ? order by id").param(assessmentId)
                .query(MailOutbox::mail).list();
    }

    /** How many mails are in each state (every state present, zero where none). */
    public Map<OutboxMail.State, Long> countByState() {
        Map<OutboxMail.State, Long> counts = new TreeMap<>();
        for (OutboxMail.State state : OutboxMail.State.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) from mail_outbox group by state")
                .query((rs, row) -> Map.entry(OutboxMail.State.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** The oldest mail still waiting to be sent, if any: how far behind the sender is. */
    public Optional<OffsetDateTime> oldestWaiting() {
        return jdbc.sql("select min(created_at) from mail_outbox where state in ('QUEUED', 'SENDING')")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single();
    }

    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        long assessment = rs.getLong("assessment_id");
        return new OutboxMail(rs.getLong("id"), rs.getString("message_key"), MailKind.valueOf(rs.getString("kind")),
                rs.wasNull() ? null : assessment, rs.getString("recipient_user"), rs.getString("recipient_address"),
                MailLanguage.parse(rs.getString("language")), rs.getString("subject"), rs.getString("body"),
                OutboxMail.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getObject("queued_at", OffsetDateTime.class), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}

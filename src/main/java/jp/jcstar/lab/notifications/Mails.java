package jp.jcstar.lab.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mails to the outbox, in the caller's transaction: a mail exists exactly when the event that caused it was
 * committed. Each recipient gets the kind's text in the language they chose, unless they turned that kind off (a
 * required kind goes out regardless). The sender sends them after the commit.
 */
@Service
@Transactional
public class Mails {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final String RULE = "\n\n----------------------------------------\n\n";
    private static final String PREFERENCES_PATH = "/account/notifications";
    /** The outbox's columns. */
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_BODY = 20_000;

    private final Recipients recipients;
    private final MailPreferences preferences;
    private final MailOutbox outbox;
    private final OutboxSender sender;
    private final MailSettings settings;
    private final LabProperties lab;
    private final LabClock clock;

    public Mails(Recipients recipients, MailPreferences preferences, MailOutbox outbox, OutboxSender sender,
                 MailSettings settings, LabProperties lab, LabClock clock) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.lab = lab;
        this.clock = clock;
    }

    /** To every manufacturer user of a company. */
    public void toCompany(String companyId, MailKind kind, MailFacts facts) {
        if (companyId != null) {
            recipients.ofCompany(companyId).forEach(person -> write(null, person, kind, facts, Map.of()));
        }
    }

    public void toGroup(String group, MailKind kind, MailFacts facts) {
        recipients.ofGroup(group).forEach(person -> write(null, person, kind, facts, Map.of()));
    }

    public void toUser(String userId, MailKind kind, MailFacts facts) {
        recipients.user(userId).ifPresent(person -> write(null, person, kind, facts, Map.of()));
    }

    /**
     * A mail that goes out once per key whoever writes it and however often (the day's digest of a person, the
     * reminder before one task's due date); false when it was written before.
     *
     * @param extra further placeholders of the kind's text (the digest's {count} and {work})
     */
    public boolean toUserOnce(String dedupeKey, Recipient person, MailKind kind, MailFacts facts,
                              Map<String, Bilingual> extra) {
        return write(dedupeKey, person, kind, facts, extra);
    }

    private boolean write(String dedupeKey, Recipient person, MailKind kind, MailFacts facts, Map<String, Bilingual> extra) {
        MailPreferences.Choice choice = preferences.of(person.userId());
        if (!choice.wants(kind)) {
            return false;
        }
        OutboxMail.State state = person.email() == null ? OutboxMail.State.NO_ADDRESS
                : sender.canSend() ? OutboxMail.State.QUEUED : OutboxMail.State.HELD;
        boolean written = outbox.add(new MailOutbox.NewMail(dedupeKey, kind, facts.assessmentId(), person.userId(),
                        person.email(), choice.language(), subject(kind, facts, extra, choice.language()),
                        body(kind, facts, extra, choice.language(), person), state),
                clock.now(), OutboxSender.machineNow());
        if (written && state == OutboxMail.State.QUEUED) {
            sender.sendAfterCommit();
        }
        return written;
    }

    private String subject(MailKind kind, MailFacts facts, Map<String, Bilingual> extra, MailLanguage language) {
        String ja = "[JC-STAR] " + fill(kind.subject().ja(), facts, extra, true);
        String en = "[JC-STAR] " + fill(kind.subject().en(), facts, extra, false);
        String subject = switch (language) {
            case JA -> ja;
            case EN -> en;
            case JA_EN -> ja + " / " + en.substring("[JC-STAR] ".length());
        };
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject;
    }

    private String body(MailKind kind, MailFacts facts, Map<String, Bilingual> extra, MailLanguage language,
                        Recipient person) {
        String preferencesLink = settings.link(PREFERENCES_PATH);
        String ja = person.nameJa() + "\n\n" + fill(kind.body().ja(), facts, extra, true) + "\n\n" + lab.labName()
                + "\nこのメールは送信専用です。通知の設定: " + preferencesLink;
        String en = person.nameEn() + "\n\n" + fill(kind.body().en(), facts, extra, false) + "\n\n" + lab.labName()
                + "\nThis mail is sent automatically; replies are not read. Notification settings: " + preferencesLink;
        String body = switch (language) {
            case JA -> ja;
            case EN -> en;
            case JA_EN -> ja + RULE + en;
        };
        return body.length() > MAX_BODY ? body.substring(0, MAX_BODY - 1) + "…" : body;
    }

    private String fill(String text, MailFacts facts, Map<String, Bilingual> extra, boolean japanese) {
        Map<String, String> values = new HashMap<>(facts.values(japanese, settings.link(facts.link())));
        extra.forEach((key, value) -> values.put(key, japanese ? value.ja() : value.en()));
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled,
                    Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** Everyone a group mail would go to, for mails written once per person (the digest). */
    public List<Recipient> membersOf(String group) {
        return recipients.ofGroup(group);
    }

    /** A company's manufacturer users, for mails written once per person (the reminder before a due date). */
    public List<Recipient> companyUsers(String companyId) {
        return companyId == null ? List.of() : recipients.ofCompany(companyId);
    }
}

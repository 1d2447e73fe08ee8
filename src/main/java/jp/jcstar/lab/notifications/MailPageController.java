package jp.jcstar.lab.notifications;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.LabPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mail pages: everyone chooses their language and which mails they get ({@code /account/notifications}); lab
 * managers and administrators read what was written and what became of it ({@code /lab/outbox}), also when no SMTP
 * server is configured and nothing is sent.
 */
@Controller
@LabPage
public class MailPageController {

    /** The newest mails the outbox page shows. */
    static final int OUTBOX_PAGE = 100;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A kind of mail on the preferences page: offered to this person, on or off, required or not. */
    public record KindChoice(String value, Bilingual label, boolean on, boolean required) {
    }

    /** A mail as the outbox page lists it, with its state in words and its times in the lab's time zone. */
    public record MailRow(OutboxMail mail, String state, String written, String sent) {
    }

    /** A state of the outbox with how many mails are in it. */
    public record StateCount(String state, Bilingual label, long count) {
    }

    private final MailPreferences preferences;
    private final MailOutbox outbox;
    private final OutboxSender sender;

    public MailPageController(MailPreferences preferences, MailOutbox outbox, OutboxSender sender) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/account/notifications")
    public String preferences(@RequestParam(name = "saved", required = false) String saved, Authentication user,
                              Model model) {
        LabUser person = LabUser.of(user);
        MailPreferences.Choice choice = preferences.of(person.id());
        model.addAttribute("language", choice.language().code());
        model.addAttribute("kinds", offered(person).stream().map(kind -> new KindChoice(kind.name(), kind.label(),
                choice.wants(kind), kind.required())).toList());
        model.addAttribute("saved", saved != null);
        return "notifications";
    }

    @PostMapping("/account/notifications")
    public String save(@RequestParam(name = "language", required = false) String language,
                       @RequestParam(name = "on", required = false) List<String> on, Authentication user) {
        LabUser person = LabUser.of(user);
        if (language == null) {
            throw new InvalidInputException(Bilingual.of("言語を選んでください (ja, en または ja-en)。",
                    "Choose a language (ja, en or ja-en)."));
        }
        MailLanguage chosen = EnumValues.find(MailLanguage.class, language, MailLanguage::code).orElseThrow(() ->
                new InvalidInputException(Bilingual.of("言語は ja, en, ja-en のいずれかです（「" + language + "」は選べません）。",
                        "Language must be ja, en or ja-en, was '" + language + "'.")));
        Set<MailKind> offered = offered(person);
        Set<MailKind> turnedOn = EnumSet.noneOf(MailKind.class);
        for (String value : on == null ? List.<String>of() : on) {
            MailKind kind = EnumValues.find(MailKind.class, value, Enum::name).filter(offered::contains).orElseThrow(() ->
                    new InvalidInputException(Bilingual.of("「" + value + "」はあなたが選べる通知ではありません。ページを開き直してください。",
                            "'" + value + "' is not a kind of mail you can choose; open the page again.")));
            turnedOn.add(kind);
        }
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        off.addAll(offered);
        off.removeAll(turnedOn);
        preferences.save(person.id(), new MailPreferences.Choice(chosen, off));
        return "redirect:/account/notifications?saved";
    }

    @GetMapping("/lab/outbox")
    public String outbox(@RequestParam(name = "state", required = false) String state,
                         @RequestParam(name = "again", required = false) String again, Authentication user,
                         Model model) {
        managesLab(user);
        Optional<OutboxMail.State> only = state == null || state.isBlank() ? Optional.empty()
                : Optional.of(EnumValues.find(OutboxMail.State.class, state, Enum::name).orElseThrow(() ->
                new InvalidInputException(Bilingual.of("状態 state は " + stateNames() + " のいずれかにしてください（'" + state
                        + "' は選べません）。", "state must be one of " + stateNames() + ", was '" + state + "'."))));
        Map<OutboxMail.State, Long> counts = outbox.countByState();
        model.addAttribute("counts", counts.entrySet().stream()
                .map(entry -> new StateCount(entry.getKey().name(), label(entry.getKey()), entry.getValue())).toList());
        model.addAttribute("state", only.map(Enum::name).orElse(""));
        model.addAttribute("mails", outbox.latest(only, OUTBOX_PAGE).stream()
                .map(mail -> new MailRow(mail, label(mail.state()).ja() + " / " + label(mail.state()).en(),
                        labTime(mail.createdAt()), labTime(mail.sentAt()))).toList());
        model.addAttribute("sending", sender.canSend());
        model.addAttribute("limit", OUTBOX_PAGE);
        model.addAttribute("again", again);
        return "outbox";
    }

    /** A mail that FAILED is queued again, for another period of retries (the mail server is back, say). */
    @PostMapping("/lab/outbox/{id}/send-again")
    public String sendAgain(@PathVariable long id, Authentication user) {
        managesLab(user);
        if (!outbox.sendAgain(id, OutboxSender.machineNow())) {
            throw new ConflictException(Bilingual.of("メール " + id + " は送信失敗の状態ではありません。一覧を開き直してください。",
                    "Mail " + id + " is not a failed mail; open the outbox again.").toString());
        }
        sender.sendAfterCommit();
        return "redirect:/lab/outbox?again=" + id;
    }

    private static void managesLab(Authentication user) {
        if (!LabUser.of(user).isInAny(List.of(Roles.LAB_MANAGERS, Roles.ADMINS))) {
            throw new ForbiddenException(Bilingual.of("送信メールは試験所の管理者だけが見られます。",
                    "Only lab managers and administrators see the mail outbox."));
        }
    }

    private static String labTime(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(LabClock.ZONE).format(MINUTE);
    }

    /** The kinds a person's groups get; what they get nothing of is not offered. */
    private static Set<MailKind> offered(LabUser person) {
        return Arrays.stream(MailKind.values()).filter(kind -> person.isInAny(kind.audience()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MailKind.class)));
    }

    static Bilingual label(OutboxMail.State state) {
        return switch (state) {
            case QUEUED -> Bilingual.of("送信待ち", "Queued");
            case SENDING -> Bilingual.of("送信中", "Sending");
            case SENT -> Bilingual.of("送信済み", "Sent");
            case FAILED -> Bilingual.of("送信失敗", "Failed");
            case NO_ADDRESS -> Bilingual.of("宛先なし", "No address");
            case HELD -> Bilingual.of("未送信 (SMTP 未設定)", "Not sent (no SMTP server)");
        };
    }

    private static String stateNames() {
        return Arrays.stream(OutboxMail.State.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

package jp.jcstar.lab.notifications;

import java.util.HashMap;
import java.util.Map;

import jp.jcstar.lab.Bilingual;

/**
 * What a mail is about, taken from the app's records by the use case that raises it (never from what someone
 * submitted). {@code link} is a path of the app ({@code /lab/assessments/12}); the mail carries it as a full URL.
 */
public record MailFacts(Long assessmentId, String reference, String product, String manufacturer, Bilingual step,
                        String due, Integer round, String link) {

    public static MailFacts of(long assessmentId, String reference, String product, String manufacturer, String link) {
        return new MailFacts(assessmentId, reference, product, manufacturer, null, null, null, link);
    }

    public MailFacts withStep(Bilingual step) {
        return new MailFacts(assessmentId, reference, product, manufacturer, step, due, round, link);
    }

    public MailFacts withDue(String due) {
        return new MailFacts(assessmentId, reference, product, manufacturer, step, due, round, link);
    }

    public MailFacts withRound(int round) {
        return new MailFacts(assessmentId, reference, product, manufacturer, step, due, round, link);
    }

    public MailFacts withLink(String link) {
        return new MailFacts(assessmentId, reference, product, manufacturer, step, due, round, link);
    }

    /** The placeholders of one language; {@code link} already made absolute by the caller. */
    Map<String, String> values(boolean japanese, String absoluteLink) {
        Map<String, String> values = new HashMap<>();
        values.put("reference", text(reference));
        values.put("product", text(product));
        values.put("manufacturer", text(manufacturer));
        values.put("step", step == null ? "" : japanese ? step.ja() : step.en());
        values.put("due", text(due));
        values.put("round", round == null ? "" : round.toString());
        values.put("link", absoluteLink);
        return values;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

package jp.jcstar.lab;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text for people, in Japanese and English, written "日本語 / English" as the forms' labels and the model's step names
 * are. A refusal is one of these: what is wrong and what to do, in both languages. Several refusals read as all the
 * Japanese sentences, then all the English ones.
 */
public record Bilingual(String ja, String en) {

    private static final String SEPARATOR = " / ";
    /** Hiragana, katakana, CJK ideographs and full-width forms: text that is Japanese. */
    private static final Pattern JAPANESE = Pattern.compile("[\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef]");
    /** A leading identifier both languages share, such as the catalog's "CLD-04". */
    private static final Pattern SHARED_PREFIX = Pattern.compile("^([A-Z][A-Z0-9]*-[A-Z0-9-]+) ");

    public static Bilingual of(String ja, String en) {
        return new Bilingual(ja, en);
    }

    /** Sentences side by side: the Japanese ones, then the English ones. */
    public static Bilingual join(List<Bilingual> sentences) {
        return new Bilingual(sentences.stream().map(Bilingual::ja).collect(Collectors.joining(" ")),
                sentences.stream().map(Bilingual::en).collect(Collectors.joining(" ")));
    }

    /** This text after a heading, in each language. */
    public Bilingual after(Bilingual heading) {
        return new Bilingual(heading.ja + " " + ja, heading.en + " " + en);
    }

    /**
     * A label written "日本語 / English" taken apart at the first " / " with Japanese before it and none after it (the
     * Japanese part may itself hold a slash, as in "Wi-Fi / BLE"). An identifier the Japanese part starts with
     * ("CLD-04 …") starts the English part too. A label in one language only is the same in both.
     */
    public static Bilingual ofLabel(String label) {
        for (int at = label.indexOf(SEPARATOR); at >= 0; at = label.indexOf(SEPARATOR, at + 1)) {
            String ja = label.substring(0, at).strip();
            String en = label.substring(at + SEPARATOR.length()).strip();
            if (isJapanese(ja) && !isJapanese(en)) {
                Matcher prefix = SHARED_PREFIX.matcher(ja);
                return new Bilingual(ja, prefix.find() && !en.startsWith(prefix.group(1)) ? prefix.group(1) + " " + en : en);
            }
        }
        return new Bilingual(label, label);
    }

    /** Whether a name is written "日本語 / English", as {@link #ofLabel} reads it. */
    public static boolean isBilingual(String text) {
        Bilingual parts = ofLabel(text);
        return !parts.ja.equals(parts.en) && !parts.en.isBlank() && !parts.ja.isBlank();
    }

    private static boolean isJapanese(String text) {
        return JAPANESE.matcher(text).find();
    }

    @Override
    public String toString() {
        return ja + SEPARATOR + en;
    }
}

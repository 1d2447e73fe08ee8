package jp.jcstar.lab.documents;

import java.text.Normalizer;

/**
 * The name a file is kept and offered under: the last segment of whatever path the client sent, without control
 * characters, characters that file systems or headers treat specially, leading dots (no "..", no hidden files) and
 * trailing dots or spaces, at most {@link #MAX_LENGTH} UTF-16 characters (as the databases count them) with its extension kept. Japanese names stay as
 * they are.
 */
public final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String sanitise(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return;
            }
            kept.appendCodePoint("<>:\"|?*;%".indexOf(c) >= 0 ? '_' : c);
        });
        name = kept.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_LENGTH - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--; // never half a character
            }
            name = name.substring(0, cut) + extension;
        }
        return name.isEmpty() ? FALLBACK : name;
    }
}

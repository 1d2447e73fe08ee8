package jp.jcstar.lab;

/**
 * Text people type has no control characters other than tab and line breaks. NUL in particular cannot be stored in
 * PostgreSQL and would fail a write half-way; anything else would reach logs and reports unseen.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean present(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}

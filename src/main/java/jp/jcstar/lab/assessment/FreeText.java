package jp.jcstar.lab.assessment;

/** What people write into the process: observations, responses, reasons. */
public final class FreeText {

    /** The longest observation, response or reason the lab keeps. */
    public static final int MAX_LENGTH = 4000;

    private FreeText() {
    }

    /** The text without surrounding blanks, or null when nothing was written. */
    public static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

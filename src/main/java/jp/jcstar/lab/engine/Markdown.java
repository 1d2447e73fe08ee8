package jp.jcstar.lab.engine;

/** Text the app writes into the Markdown that Camunda Forms show (text components with {{variable}}). */
public final class Markdown {

    private Markdown() {
    }

    /** Text inside Markdown, with the characters that would make it a link, emphasis or HTML escaped. */
    public static String text(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]()#+!<>|~&])", "\\\\$1");
    }

    /** Multi-line text (an observation, a response) as an indented block under a list item. */
    public static String block(String text) {
        return text == null || text.isBlank() ? "—" : text(text.strip()).replace("\n", "  \n    ");
    }

    public static String link(String label, String path) {
        return "[" + text(label) + "](" + path + ")";
    }
}

package jp.jcstar.lab.reports;

/** How the reports print a value that is missing. */
final class ReportText {

    private ReportText() {
    }

    /** The value, or "-" where there is none. */
    static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

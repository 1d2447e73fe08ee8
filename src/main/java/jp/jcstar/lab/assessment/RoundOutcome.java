package jp.jcstar.lab.assessment;

/**
 * How a test round ended, or how the retest of a finding went: stored as its name ("PASSED", "FAILED"), read by
 * people as its words.
 */
public enum RoundOutcome {
    PASSED("合格 / Passed"),
    FAILED("不合格 / Failed");

    private final String words;

    RoundOutcome(String words) {
        this.words = words;
    }

    public static RoundOutcome of(boolean passed) {
        return passed ? PASSED : FAILED;
    }

    /** The outcome a column holds, null while there is none. */
    public static RoundOutcome parse(String stored) {
        return stored == null ? null : valueOf(stored);
    }

    /** What people read for this outcome, Japanese and English. */
    public String words() {
        return words;
    }
}

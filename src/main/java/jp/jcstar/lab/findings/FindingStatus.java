package jp.jcstar.lab.findings;

/** A finding's lifecycle: OPEN -> SENT_TO_MANUFACTURER -> ANSWERED -> RETEST_PASSED | RETEST_FAILED -> CLOSED. */
public enum FindingStatus {
    OPEN, SENT_TO_MANUFACTURER, ANSWERED, RETEST_PASSED, RETEST_FAILED, CLOSED;

    /** Still waiting for the manufacturer or the lab. */
    public boolean isOpen() {
        return this == OPEN || this == SENT_TO_MANUFACTURER || this == ANSWERED;
    }
}

package jp.jcstar.lab.findings;

import jp.jcstar.lab.assessment.RoundOutcome;

/** A finding's lifecycle: OPEN -> SENT_TO_MANUFACTURER -> ANSWERED -> RETEST_PASSED | RETEST_FAILED -> CLOSED. */
public enum FindingStatus {
    OPEN("未送付 / Open"),
    SENT_TO_MANUFACTURER("製造事業者の回答待ち / Waiting for the manufacturer"),
    ANSWERED("回答済・再試験待ち / Answered, waiting for the retest"),
    RETEST_PASSED("再試験合格 / Retest passed"),
    RETEST_FAILED("再試験不合格 / Retest failed"),
    CLOSED("完了 / Closed");

    private final String words;

    FindingStatus(String words) {
        this.words = words;
    }

    /** What people read for this status, Japanese and English. */
    public String words() {
        return words;
    }

    /** What a retest with this outcome leaves the finding in. */
    static FindingStatus after(RoundOutcome retest) {
        return retest == RoundOutcome.PASSED ? RETEST_PASSED : RETEST_FAILED;
    }

    /** Still waiting for the manufacturer or the lab. */
    public boolean isOpen() {
        return this == OPEN || this == SENT_TO_MANUFACTURER || this == ANSWERED;
    }
}

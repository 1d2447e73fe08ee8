package jp.jcstar.lab.reports;

import jp.jcstar.lab.assessment.Versions;

/**
 * One evaluation round, one row of the final report's round history.
 *
 * <p>{@code roundNo} is a preformatted string (e.g. {@code "1"}), like every other value but the versions, which
 * print "-" for a component out of scope; {@code failedItems} is e.g. {@code "CLD-04, APP-02"} (blank when the round
 * passed).
 */
public final class RoundRow {

    private final String roundNo;
    private final Versions versions;
    private final String startedAt;
    private final String evaluatedAt;
    private final String outcome;
    private final String failedItems;

    public RoundRow(
            String roundNo,
            Versions versions,
            String startedAt,
            String evaluatedAt,
            String outcome,
            String failedItems) {
        this.roundNo = roundNo;
        this.versions = versions;
        this.startedAt = startedAt;
        this.evaluatedAt = evaluatedAt;
        this.outcome = outcome;
        this.failedItems = failedItems;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getFirmwareVersion() {
        return ReportText.orDash(versions.firmware());
    }

    public String getAppVersion() {
        return ReportText.orDash(versions.app());
    }

    public String getCloudVersion() {
        return ReportText.orDash(versions.cloud());
    }

    public String getStartedAt() {
        return startedAt;
    }

    public String getEvaluatedAt() {
        return evaluatedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getFailedItems() {
        return failedItems;
    }
}

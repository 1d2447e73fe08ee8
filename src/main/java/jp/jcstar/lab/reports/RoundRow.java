package jp.jcstar.lab.reports;

/**
 * One evaluation round, one row of the final report's round history.
 *
 * <p>{@code roundNo} is a preformatted string (e.g. {@code "1"}), like every other value;
 * {@code failedItems} is e.g. {@code "CLD-04, APP-02"} (blank when the round passed).
 */
public final class RoundRow {

    private final String roundNo;
    private final String firmwareVersion;
    private final String appVersion;
    private final String cloudVersion;
    private final String startedAt;
    private final String evaluatedAt;
    private final String outcome;
    private final String failedItems;

    public RoundRow(
            String roundNo,
            String firmwareVersion,
            String appVersion,
            String cloudVersion,
            String startedAt,
            String evaluatedAt,
            String outcome,
            String failedItems) {
        this.roundNo = roundNo;
        this.firmwareVersion = firmwareVersion;
        this.appVersion = appVersion;
        this.cloudVersion = cloudVersion;
        this.startedAt = startedAt;
        this.evaluatedAt = evaluatedAt;
        this.outcome = outcome;
        this.failedItems = failedItems;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getFirmwareVersion() {
        return firmwareVersion;
    }

    public String getAppVersion() {
        return appVersion;
    }

    public String getCloudVersion() {
        return cloudVersion;
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

package jp.jcstar.lab.reports;

/**
 * One finding (issue) raised in an evaluation round: a row of the final report's findings history
 * and of the issue list. {@code roundNo} is a preformatted string, as in {@link RoundRow}.
 */
public final class FindingRow {

    private final String roundNo;
    private final String itemId;
    private final String title;
    private final String observation;
    private final String requiredFix;
    private final String dueDate;
    private final String status;
    private final String manufacturerResponse;

    public FindingRow(
            String roundNo,
            String itemId,
            String title,
            String observation,
            String requiredFix,
            String dueDate,
            String status,
            String manufacturerResponse) {
        this.roundNo = roundNo;
        this.itemId = itemId;
        this.title = title;
        this.observation = observation;
        this.requiredFix = requiredFix;
        this.dueDate = dueDate;
        this.status = status;
        this.manufacturerResponse = manufacturerResponse;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getItemId() {
        return itemId;
    }

    public String getTitle() {
        return title;
    }

    public String getObservation() {
        return observation;
    }

    public String getRequiredFix() {
        return requiredFix;
    }

    public String getDueDate() {
        return dueDate;
    }

    public String getStatus() {
        return status;
    }

    public String getManufacturerResponse() {
        return manufacturerResponse;
    }
}

package jp.jcstar.lab.reports;

/**
 * Final result of one catalog item, one row of the final report's item table.
 */
public final class ItemResultRow {

    private final String itemId;
    private final String step;
    private final String title;
    private final String verdict;
    private final String passedInRound;
    private final String observation;
    private final String testedBy;

    public ItemResultRow(
            String itemId,
            String step,
            String title,
            String verdict,
            String passedInRound,
            String observation,
            String testedBy) {
        this.itemId = itemId;
        this.step = step;
        this.title = title;
        this.verdict = verdict;
        this.passedInRound = passedInRound;
        this.observation = observation;
        this.testedBy = testedBy;
    }

    public String getItemId() {
        return itemId;
    }

    public String getStep() {
        return step;
    }

    public String getTitle() {
        return title;
    }

    public String getVerdict() {
        return verdict;
    }

    public String getPassedInRound() {
        return passedInRound;
    }

    public String getObservation() {
        return observation;
    }

    public String getTestedBy() {
        return testedBy;
    }
}

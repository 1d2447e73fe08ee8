package jp.jcstar.lab.reports;

import java.util.List;

/**
 * Data of the final assessment report (reports/final-assessment-report.jrxml).
 *
 * <p>All values are strings preformatted by the caller (dates, versions, verdict labels), so the
 * template only lays them out. A {@code null} string prints blank; a {@code null} list prints as empty.
 * The top of the page, shared with the issue list, is the {@link ReportHeader}.
 * Plain JavaBean getters are required: JasperReports' bean data source reads fields through them.
 */
public final class FinalReportData {

    private final ReportHeader header;
    private final String catalogVersion;
    private final String appliedAt;
    private final String completedAt;
    private final String testPeriod;
    private final String methods;
    private final String samples;
    private final String testedBy;
    private final String reviewedBy;
    private final String reviewedAt;
    private final String verdict;
    private final List<ItemResultRow> items;
    private final List<RoundRow> rounds;
    private final List<FindingRow> findings;
    private final List<DocumentRow> documents;

    public FinalReportData(
            ReportHeader header,
            String catalogVersion,
            String appliedAt,
            String completedAt,
            String testPeriod,
            String testedBy,
            String reviewedBy,
            String reviewedAt,
            String verdict,
            List<ItemResultRow> items,
            List<RoundRow> rounds,
            List<FindingRow> findings,
            List<DocumentRow> documents,
            String methods,
            String samples) {
        this.methods = methods;
        this.samples = samples;
        this.header = header;
        this.catalogVersion = catalogVersion;
        this.appliedAt = appliedAt;
        this.completedAt = completedAt;
        this.testPeriod = testPeriod;
        this.testedBy = testedBy;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.verdict = verdict;
        this.items = items == null ? List.of() : List.copyOf(items);
        this.rounds = rounds == null ? List.of() : List.copyOf(rounds);
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** How each step of each round was tested (method, tools, environment, samples), one paragraph each. */
    public String getMethods() {
        return methods;
    }

    /** The samples under test as received (serial numbers, hardware revision, versions), one paragraph each. */
    public String getSamples() {
        return samples;
    }

    /** From the first round's start to the last evaluation. */
    public String getTestPeriod() {
        return testPeriod;
    }

    public ReportHeader getHeader() {
        return header;
    }

    public String getCatalogVersion() {
        return catalogVersion;
    }

    public String getAppliedAt() {
        return appliedAt;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public String getTestedBy() {
        return testedBy;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewedAt() {
        return reviewedAt;
    }

    public String getVerdict() {
        return verdict;
    }

    public List<ItemResultRow> getItems() {
        return items;
    }

    public List<RoundRow> getRounds() {
        return rounds;
    }

    public List<FindingRow> getFindings() {
        return findings;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }
}

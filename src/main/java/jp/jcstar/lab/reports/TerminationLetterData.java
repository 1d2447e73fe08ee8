package jp.jcstar.lab.reports;

import java.util.List;

/**
 * Data of the termination notice of an assessment ended as failed (reports/termination-letter.jrxml).
 *
 * <p>All values are strings preformatted by the caller; a {@code null} list prints as empty.
 */
public final class TerminationLetterData {

    private final ReportHeader header;
    private final String roundNo;
    private final String terminatedAt;
    private final String reason;
    private final List<RoundRow> rounds;
    private final List<FindingRow> findings;
    private final List<DocumentRow> documents;

    /**
     * @param findings what did not pass in the last round
     */
    public TerminationLetterData(ReportHeader header, String roundNo, String terminatedAt, String reason,
                                 List<RoundRow> rounds, List<FindingRow> findings, List<DocumentRow> documents) {
        this.header = header;
        this.roundNo = roundNo;
        this.terminatedAt = terminatedAt;
        this.reason = reason;
        this.rounds = rounds == null ? List.of() : List.copyOf(rounds);
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public ReportHeader getHeader() {
        return header;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getTerminatedAt() {
        return terminatedAt;
    }

    public String getReason() {
        return reason;
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

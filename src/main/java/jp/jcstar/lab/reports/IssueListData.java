package jp.jcstar.lab.reports;

import java.util.List;

/**
 * Data of the issue list of a failed round (reports/issue-list.jrxml).
 *
 * <p>All values are strings preformatted by the caller; a {@code null} list prints as empty. The top of the page,
 * shared with the final report, is the {@link ReportHeader}.
 */
public final class IssueListData {

    private final ReportHeader header;
    private final String roundNo;
    private final String issuedAt;
    private final String dueDate;
    private final List<FindingRow> findings;
    private final List<DocumentRow> documents;

    public IssueListData(
            ReportHeader header,
            String roundNo,
            String issuedAt,
            String dueDate,
            List<FindingRow> findings,
            List<DocumentRow> documents) {
        this.header = header;
        this.roundNo = roundNo;
        this.issuedAt = issuedAt;
        this.dueDate = dueDate;
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public ReportHeader getHeader() {
        return header;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getIssuedAt() {
        return issuedAt;
    }

    public String getDueDate() {
        return dueDate;
    }

    public List<FindingRow> getFindings() {
        return findings;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }
}

package jp.jcstar.lab.reports;

import java.util.List;

/**
 * Data of the issue list of a failed round (reports/issue-list.jrxml).
 *
 * <p>All values are strings preformatted by the caller; a {@code null} list prints as empty.
 */
public final class IssueListData {

    private final String labName;
    private final String reference;
    private final String manufacturer;
    private final String productName;
    private final String modelNumbers;
    private final String firmwareVersion;
    private final String appVersion;
    private final String cloudVersion;
    private final String starLevel;
    private final String roundNo;
    private final String issuedAt;
    private final String dueDate;
    private final List<FindingRow> findings;
    private final List<DocumentRow> documents;

    public IssueListData(
            String labName,
            String reference,
            String manufacturer,
            String productName,
            String modelNumbers,
            String firmwareVersion,
            String appVersion,
            String cloudVersion,
            String starLevel,
            String roundNo,
            String issuedAt,
            String dueDate,
            List<FindingRow> findings,
            List<DocumentRow> documents) {
        this.labName = labName;
        this.reference = reference;
        this.manufacturer = manufacturer;
        this.productName = productName;
        this.modelNumbers = modelNumbers;
        this.firmwareVersion = firmwareVersion;
        this.appVersion = appVersion;
        this.cloudVersion = cloudVersion;
        this.starLevel = starLevel;
        this.roundNo = roundNo;
        this.issuedAt = issuedAt;
        this.dueDate = dueDate;
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public String getLabName() {
        return labName;
    }

    public String getReference() {
        return reference;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public String getProductName() {
        return productName;
    }

    public String getModelNumbers() {
        return modelNumbers;
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

    public String getStarLevel() {
        return starLevel;
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

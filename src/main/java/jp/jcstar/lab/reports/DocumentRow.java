package jp.jcstar.lab.reports;

/**
 * One document or evidence file, one row of the reports' document and evidence index: enough for a reader to find
 * the file and check it against its SHA-256.
 */
public final class DocumentRow {

    private final String itemId;
    private final String kind;
    private final String roundNo;
    private final String version;
    private final String fileName;
    private final String size;
    private final String sha256;

    public DocumentRow(String itemId, String kind, String roundNo, String version, String fileName, String size,
                       String sha256) {
        this.itemId = itemId;
        this.kind = kind;
        this.roundNo = roundNo;
        this.version = version;
        this.fileName = fileName;
        this.size = size;
        this.sha256 = sha256;
    }

    public String getItemId() {
        return itemId;
    }

    public String getKind() {
        return kind;
    }

    public String getRoundNo() {
        return roundNo;
    }

    public String getVersion() {
        return version;
    }

    public String getFileName() {
        return fileName;
    }

    public String getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }
}

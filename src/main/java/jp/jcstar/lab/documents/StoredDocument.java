package jp.jcstar.lab.documents;

import java.time.OffsetDateTime;

/**
 * One uploaded file as the document table records it: a document of a DOC item or evidence for a check item, the
 * given version of its series.
 */
public record StoredDocument(long id, long assessmentId, DocumentKind kind, String itemId, int roundNo, int version,
                             String fileName, String mediaType, long sizeBytes, String sha256, String storageKey,
                             String uploadedBy, OffsetDateTime uploadedAt) {

    /** The series versions count in: a DOC item's documents, or an item's evidence files of one name. */
    static String series(DocumentKind kind, String itemId, String fileName) {
        return kind == DocumentKind.DOCUMENT ? itemId : itemId + "/" + fileName;
    }

    /** How the file is named in lists and reports: "DOC-07 v2 threat-model.pdf". */
    public String label() {
        return itemId + " v" + version + " " + fileName;
    }
}

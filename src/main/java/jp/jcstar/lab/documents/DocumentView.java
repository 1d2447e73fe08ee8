package jp.jcstar.lab.documents;

import java.time.OffsetDateTime;

/** A document or evidence file as the API shows it; {@code content} is where its bytes are downloaded. */
public record DocumentView(long id, String kind, String itemId, int round, int version, String fileName,
                           String mediaType, long size, String sha256, String uploadedBy, OffsetDateTime uploadedAt,
                           String content) {

    static DocumentView of(StoredDocument document) {
        return new DocumentView(document.id(), document.kind().name(), document.itemId(), document.roundNo(),
                document.version(), document.fileName(), document.mediaType(), document.sizeBytes(), document.sha256(),
                document.uploadedBy(), document.uploadedAt(),
                "/api/assessments/" + document.assessmentId() + "/documents/" + document.id() + "/content");
    }
}

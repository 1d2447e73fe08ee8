package jp.jcstar.lab.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import jp.jcstar.lab.TransactionScoped;
import jp.jcstar.lab.assessment.SuppliedDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentRepository implements SuppliedDocuments {

    private final JdbcClient jdbc;
    /** The lists read in the current transaction: the forms of a completion's new tasks each show the documents. */
    private final TransactionScoped<Long, List<StoredDocument>> listed;

    public DocumentRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.listed = new TransactionScoped<>(dataSource);
    }

    /** The version the next upload of this series gets. */
    public int nextVersion(long assessmentId, DocumentKind kind, String series) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from document where assessment_id = ? and kind = ? and series = ?")
                .params(assessmentId, kind.name(), series).query(Integer.class).single();
    }

    /** Records an upload whose content is stored; returns it with its id. */
    public StoredDocument insert(long assessmentId, DocumentKind kind, String itemId, int roundNo, int version,
                                 String fileName, String mediaType, long sizeBytes, String sha256, String storageKey,
                                 String uploadedBy, OffsetDateTime uploadedAt) {
        listed.reads().remove(assessmentId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into document (assessment_id, kind, item_id, round_no, series, version, file_name,
                            media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(assessmentId, kind.name(), itemId, roundNo, StoredDocument.series(kind, itemId, fileName),
                        version, fileName, mediaType, sizeBytes, sha256, storageKey, uploadedBy, uploadedAt)
                .update(key, "id");
        return new StoredDocument(key.getKeyAs(Number.class).longValue(), assessmentId, kind, itemId, roundNo, version,
                fileName, mediaType, sizeBytes, sha256, storageKey, uploadedBy, uploadedAt);
    }

    public Optional<StoredDocument> find(long assessmentId, long documentId) {
        return jdbc.sql("select * from document where assessment_id = ? and id = ?")
                .params(assessmentId, documentId).query(DocumentRepository::map).optional();
    }

    @Override
    public Set<String> itemsWithDocument(long assessmentId) {
        return list(assessmentId).stream().filter(document -> document.kind() == DocumentKind.DOCUMENT)
                .map(StoredDocument::itemId).collect(Collectors.toCollection(HashSet::new));
    }

    /** Every upload of the assessment, in the order they arrived. */
    public List<StoredDocument> list(long assessmentId) {
        return listed.reads().computeIfAbsent(assessmentId, id -> jdbc.sql(
                        "select * from document where assessment_id = ? order by id")
                .param(id).query(DocumentRepository::map).list().stream().toList());
    }

    private static StoredDocument map(ResultSet rs, int row) throws SQLException {
        return new StoredDocument(rs.getLong("id"), rs.getLong("assessment_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("item_id"), rs.getInt("round_no"), rs.getInt("version"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}

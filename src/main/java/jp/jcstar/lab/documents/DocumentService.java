package jp.jcstar.lab.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.web.IdempotencyKeys;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.EnumValues;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.IntegrityException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents and evidence of an assessment: uploads checked before anything is stored, stored with their SHA-256 in
 * one transaction, and read back only when the content still has that SHA-256. Whoever may see an assessment
 * (lab staff, the manufacturer's own users) may see its files; another company's user gets 404, as for the
 * assessment itself.
 */
@Service
public class DocumentService {

    /** Who uploads which kind: the manufacturer its documents (a lab manager on its behalf), engineers evidence. */
    static final List<String> DOCUMENT_UPLOADERS = List.of(Roles.MANUFACTURERS, Roles.LAB_MANAGERS, Roles.ADMINS);
    static final List<String> EVIDENCE_UPLOADERS = List.of(Roles.ENGINEERS, Roles.LAB_MANAGERS);

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentRepository documents;
    private final DocumentContentStore store;
    private final ContentInspector inspector;
    private final AssessmentAccess access;
    private final AssessmentRecords assessments;
    private final ApplicationEventPublisher events;
    private final SecurityAudit audit;
    private final LabClock clock;
    private final TransactionTemplate transactions;
    private final IdempotencyKeys keys;

    public DocumentService(DocumentRepository documents, DocumentContentStore store, ContentInspector inspector,
                           AssessmentAccess access, AssessmentRecords assessments, ApplicationEventPublisher events,
                           SecurityAudit audit, LabClock clock, TransactionTemplate transactions,
                           IdempotencyKeys keys) {
        this.keys = keys;
        this.documents = documents;
        this.store = store;
        this.inspector = inspector;
        this.access = access;
        this.assessments = assessments;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** What a client submits with an upload; {@code kind} may be null (manufacturers: DOCUMENT, staff: EVIDENCE). */
    public record Upload(String kind, String itemId, String fileName, String declaredType, InputStreamSource content) {
    }

    /**
     * Checks an upload, then stores it as the next version of its series in the assessment's current round. The
     * check reads the content outside any transaction (no database connection waits on a large file or a ZIP); the
     * content and its row are written in one transaction, under a lock on the assessment, so that uploads of one
     * assessment take their versions in turn and none lands after the assessment closed; the running process's
     * forms learn of a document in that same transaction ({@link DocumentsChanged}). Refused uploads change
     * nothing.
     */
    public StoredDocument upload(long assessmentId, LabUser user, Upload upload) {
        return upload(assessmentId, user, upload, null).document();
    }

    /** The stored file, and whether it is the answer to an earlier upload with the same Idempotency-Key. */
    public record Uploaded(StoredDocument document, boolean replayed) {
    }

    /**
     * An upload sent with an Idempotency-Key: a retry of the same file (assessment, kind, item, name and content) with
     * the same key gets the file the first one stored, not a second version.
     */
    public Uploaded upload(long assessmentId, LabUser user, Upload upload, String idempotencyKey) {
        String key = IdempotencyKeys.validated(idempotencyKey);
        Assessment assessment = access.visible(assessmentId, user);
        DocumentKind kind = kindOf(upload.kind(), user);
        requireOpen(assessment);
        String itemId = requireItem(assessment, kind, upload.itemId());
        ContentInspector.Inspection inspection;
        try {
            inspection = inspector.inspect(upload.content(), FileNames.sanitise(upload.fileName()), upload.declaredType());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload " + upload.fileName() + " failed", e);
        }
        String fingerprint = Sha256.hex(String.join("\n", String.valueOf(assessmentId), kind.name(), itemId,
                inspection.fileName(), inspection.sha256()));
        Uploaded uploaded = transactions.execute(status -> {
            Optional<StoredDocument> earlier = key == null ? Optional.empty()
                    : keys.earlier(user.id(), key, IdempotencyKeys.Kind.UPLOAD, fingerprint)
                    .flatMap(documentId -> documents.find(assessmentId, documentId));
            if (earlier.isPresent()) {
                return new Uploaded(earlier.get(), true);
            }
            Assessment locked = assessments.lock(assessmentId);
            StoredDocument stored = store(locked, kind, itemId, user, upload, inspection);
            if (key != null) {
                keys.remember(user.id(), key, IdempotencyKeys.Kind.UPLOAD, fingerprint, stored.id(), clock.now());
            }
            if (kind == DocumentKind.DOCUMENT) {
                events.publishEvent(new DocumentsChanged(locked));
            }
            return new Uploaded(stored, false);
        });
        if (uploaded.replayed()) {
            return uploaded;
        }
        StoredDocument stored = uploaded.document();
        audit.record(SecurityAudit.Event.DOCUMENT_UPLOADED, user.id(), null, Map.of("assessment",
                assessment.reference(), "document", stored.id(), "kind", kind, "file", stored.label(),
                "round", stored.roundNo(), "sha256", stored.sha256(), "size", stored.sizeBytes()));
        return uploaded;
    }

    private StoredDocument store(Assessment assessment, DocumentKind kind, String itemId, LabUser user, Upload upload,
                                 ContentInspector.Inspection inspection) {
        long assessmentId = assessment.id();
        requireOpen(assessment);
        String key = UUID.randomUUID().toString();
        MessageDigest written = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(upload.content().getInputStream(), written)) {
            store.write(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Storing the upload " + inspection.fileName() + " failed", e);
        }
        if (!Sha256.hex(written).equals(inspection.sha256())) {
            throw new IllegalStateException("The content of " + inspection.fileName() + " changed while it was stored");
        }
        int version = documents.nextVersion(assessmentId, kind, StoredDocument.series(kind, itemId, inspection.fileName()));
        return documents.insert(assessmentId, kind, itemId, assessment.currentRound(), version, inspection.fileName(),
                inspection.type().mediaType(), inspection.size(), inspection.sha256(), key, user.id(), clock.now());
    }

    private static void requireOpen(Assessment assessment) {
        if (assessment.status() != AssessmentStatus.IN_PROGRESS) {
            throw new ConflictException(Bilingual.of(assessment.reference() + " は " + assessment.status() + " です。文書と"
                    + "エビデンスは報告書とともに締め切られています。", assessment.reference() + " is " + assessment.status()
                    + "; its documents and evidence are closed with its report.").toString());
        }
    }

    /** The assessment, if the user may see it, with all its files. */
    @Transactional(readOnly = true)
    public DocumentListing list(long assessmentId, LabUser user) {
        Assessment assessment = access.visible(assessmentId, user);
        return new DocumentListing(assessment, documents.list(assessment.id()));
    }

    @Transactional(readOnly = true)
    public StoredDocument find(long assessmentId, long documentId, LabUser user) {
        access.visible(assessmentId, user);
        return documents.find(assessmentId, documentId).orElseThrow(() -> new NotFoundException(Bilingual.of(
                "この評価にはその文書（" + documentId + "）はありません。文書の一覧から選び直してください。", "Assessment "
                + assessmentId + " has no document " + documentId + "; choose one from its list of documents.").toString()));
    }

    /** A document's content, verified against its SHA-256 and size; read the stream once and close it. */
    public record VerifiedContent(StoredDocument document, InputStream content) {
    }

    /**
     * Reads the content into a temporary file while hashing it, and hands it out only if hash and size are the
     * recorded ones; otherwise the mismatch is logged and audited and {@link IntegrityException} says what is wrong.
     */
    public VerifiedContent open(long assessmentId, long documentId, LabUser user) {
        StoredDocument document = find(assessmentId, documentId, user);
        Path copy = null;
        try {
            copy = Files.createTempFile("jcstar-download-", ".bin");
            MessageDigest read = Sha256.newDigest();
            long size;
            try (InputStream in = new DigestInputStream(store.read(document.storageKey()), read)) {
                size = Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha256 = Sha256.hex(read);
            if (size != document.sizeBytes() || !sha256.equals(document.sha256())) {
                Files.deleteIfExists(copy);
                String problem = "Stored file " + document.id() + " (" + document.label() + ") failed its integrity "
                        + "check: it now has " + size + " bytes with SHA-256 " + sha256 + ", recorded were "
                        + document.sizeBytes() + " bytes with SHA-256 " + document.sha256()
                        + ". It is not served; the lab's administrator must restore it from a backup.";
                log.error(problem);
                audit.record(SecurityAudit.Event.DOCUMENT_INTEGRITY_FAILURE, user.id(), null,
                        Map.of("document", document.id(), "file", document.label(), "sha256", sha256,
                                "recorded", document.sha256()));
                throw new IntegrityException(problem);
            }
            audit.record(SecurityAudit.Event.DOCUMENT_DOWNLOADED, user.id(), null,
                    Map.of("document", document.id(), "file", document.label(), "sha256", sha256));
            return new VerifiedContent(document, Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException("Reading stored file " + document.id() + " failed", e);
        }
    }

    private DocumentKind kindOf(String requested, LabUser user) {
        DocumentKind kind = requested == null || requested.isBlank()
                ? (user.groups().contains(Roles.MANUFACTURERS) ? DocumentKind.DOCUMENT : DocumentKind.EVIDENCE)
                : EnumValues.parse(DocumentKind.class, "kind", requested.strip());
        List<String> uploaders = kind == DocumentKind.DOCUMENT ? DOCUMENT_UPLOADERS : EVIDENCE_UPLOADERS;
        if (!user.isInAny(uploaders)) {
            String groups = String.join(", ", uploaders);
            throw new ForbiddenException(kind == DocumentKind.DOCUMENT
                    ? Bilingual.of("文書をアップロードするのは製造事業者（またはその代理のラボマネージャー）です。" + user.id()
                            + " さんは " + groups + " のいずれでもありません。", "Documents are uploaded by the manufacturer "
                            + "(or a lab manager on its behalf); " + user.id() + " is in none of " + groups + ".")
                    : Bilingual.of("エビデンスを添付するのは " + groups + " です。" + user.id() + " さんはそのどちらでもありません。"
                            + "文書なら種類を「文書」にしてください。", "Evidence is attached by " + groups + "; " + user.id()
                            + " is in neither. Upload a document as a document instead."));
        }
        return kind;
    }

    /** A document belongs to a DOC item; evidence to any item the assessment judges. */
    private String requireItem(Assessment assessment, DocumentKind kind, String itemId) {
        if (itemId == null || itemId.isBlank()) {
            throw new InvalidInputException(Bilingual.of("項目を選んでください（例: DOC-07、CLD-04）。",
                    "Name the check item, e.g. DOC-07 or CLD-04."));
        }
        List<CheckItem> candidates = assessments.itemsInScope(assessment).stream()
                .filter(item -> kind == DocumentKind.EVIDENCE || item.step() == Step.DOCUMENTATION).toList();
        return candidates.stream().map(CheckItem::id).filter(itemId.strip()::equals).findFirst()
                .orElseThrow(() -> new InvalidInputException(Bilingual.of(itemId.strip() + " は " + assessment.reference()
                        + " の" + (kind == DocumentKind.DOCUMENT ? "文書の項目（DOC-01〜DOC-07）" : "評価範囲の項目")
                        + "ではありません。項目を選び直してください。", itemId.strip() + " is not "
                        + (kind == DocumentKind.DOCUMENT ? "a documentation item (DOC-01..DOC-07)" : "an item in the scope")
                        + " of " + assessment.reference() + "; choose another item.")));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Temporary file {} could not be deleted: {}", file, e.getMessage());
            }
        }
    }
}

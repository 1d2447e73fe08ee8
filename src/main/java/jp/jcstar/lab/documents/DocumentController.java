package jp.jcstar.lab.documents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.IdempotencyKeys;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * Documents and evidence through the API: {@code POST} a file (multipart field {@code file}) with the {@code itemId}
 * it belongs to; list, describe and download what the caller may see.
 */
@RestController
@RequestMapping("/api/assessments/{id}/documents")
public class DocumentController {

    private final DocumentService documents;
    private final AssessmentRecords assessments;

    public DocumentController(DocumentService documents, AssessmentRecords assessments) {
        this.documents = documents;
        this.assessments = assessments;
    }

    /**
     * Uploads a document (manufacturers; lab managers on their behalf with {@code kind=DOCUMENT}) or evidence
     * (engineers; the default for lab staff). Each upload is the next version of its series.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DocumentView> upload(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                               @RequestParam(required = false) String itemId,
                                               @RequestParam(required = false) String kind,
                                               @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
                                               Authentication user) {
        DocumentService.Uploaded uploaded = documents.upload(id, LabUser.of(user), new DocumentService.Upload(kind, itemId,
                file.getOriginalFilename(), file.getContentType(), file), key);
        StoredDocument stored = uploaded.document();
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/documents/" + stored.id()))
                .header("Idempotent-Replayed", String.valueOf(uploaded.replayed())).body(DocumentView.of(stored));
    }

    /** Per DOC item whether a document was supplied (its latest version), and every file with every version. */
    @GetMapping
    public Map<String, Object> list(@PathVariable long id, Authentication user) {
        DocumentListing listing = documents.list(id, LabUser.of(user));
        Assessment assessment = listing.assessment();
        Map<String, StoredDocument> latest = listing.latestDocuments();
        List<Map<String, Object>> documentItems = assessments.catalogOf(assessment).itemsOf(Step.DOCUMENTATION).stream()
                .map(item -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("itemId", item.id());
                    row.put("title", item.title());
                    row.put("status", latest.containsKey(item.id()) ? "SUPPLIED" : "MISSING");
                    row.put("latest", latest.containsKey(item.id()) ? DocumentView.of(latest.get(item.id())) : null);
                    return row;
                }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", id);
        body.put("reference", assessment.reference());
        body.put("documentItems", documentItems);
        body.put("files", listing.files().stream().map(DocumentView::of).toList());
        return body;
    }

    @GetMapping("/{documentId}")
    public DocumentView describe(@PathVariable long id, @PathVariable long documentId, Authentication user) {
        return DocumentView.of(documents.find(id, documentId, LabUser.of(user)));
    }

    /** The file as uploaded, after its SHA-256 was checked; the hash is sent along in X-Content-SHA256. */
    @GetMapping("/{documentId}/content")
    public ResponseEntity<InputStreamResource> content(@PathVariable long id, @PathVariable long documentId,
                                                       Authentication user) {
        return download(documents.open(id, documentId, LabUser.of(user)));
    }

    /** A verified file as an attachment, never rendered inline, with its recorded type, size and hash. */
    static ResponseEntity<InputStreamResource> download(DocumentService.VerifiedContent verified) {
        StoredDocument document = verified.document();
        return ResponseEntity.ok()
                .contentType(mediaType(document))
                .contentLength(document.sizeBytes())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.fileName()))
                .header("X-Content-SHA256", document.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(verified.content()));
    }

    /**
     * RFC 6266: the name as is when it is ASCII; otherwise an ASCII stand-in for old clients and the UTF-8 name in
     * filename* (RFC 5987), which every current browser and curl -J use.
     */
    static String attachment(String fileName) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)) {
            return ContentDisposition.attachment().filename(fileName).build().toString();
        }
        String standIn = fileName.replaceAll("[^\\x20-\\x7E]", "_");
        return ContentDisposition.attachment().filename(standIn).build() + "; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    private static MediaType mediaType(StoredDocument document) {
        MediaType type = MediaType.parseMediaType(document.mediaType());
        // Text was accepted only as UTF-8.
        return type.equals(MediaType.TEXT_PLAIN) ? new MediaType(type, StandardCharsets.UTF_8) : type;
    }
}

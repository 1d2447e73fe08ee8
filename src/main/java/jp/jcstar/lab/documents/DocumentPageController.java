package jp.jcstar.lab.documents;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.ConflictException;
import jp.jcstar.lab.web.DataSizes;
import jp.jcstar.lab.web.ForbiddenException;
import jp.jcstar.lab.web.HtmlPage;
import jp.jcstar.lab.web.InvalidInputException;
import jp.jcstar.lab.web.PayloadTooLargeException;
import jp.jcstar.lab.web.UnsupportedContentException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The documents page of an assessment, for people in the browser (the session of Tasklist): which DOC items have a
 * document and which are missing, every file with its SHA-256 and a download link, and the upload forms. The Tasklist
 * forms link here. Plain HTML, no script.
 */
@Controller
public class DocumentPageController {

    /** How many assessments the overview page lists. */
    static final int LATEST = 200;
    /** The one refusal UploadSizeFilter sends back to the page, before the request reaches the app. */
    static final String TOO_LARGE = "too-large";

    private final DocumentService documents;
    private final AssessmentAccess access;
    private final AssessmentService assessments;
    private final DocumentProperties limits;

    public DocumentPageController(DocumentService documents, AssessmentAccess access, AssessmentService assessments,
                                  DocumentProperties limits) {
        this.documents = documents;
        this.access = access;
        this.assessments = assessments;
        this.limits = limits;
    }

    @GetMapping(value = "/lab/assessments", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String assessments(Authentication user) {
        StringBuilder rows = new StringBuilder();
        for (Assessment assessment : access.latestVisible(LabUser.of(user), LATEST)) {
            rows.append("<tr><td><a href='").append(DocumentsOverview.pagePath(assessment.id())).append("'>")
                    .append(htmlEscape(assessment.reference())).append("</a></td><td>")
                    .append(htmlEscape(assessment.manufacturer())).append("</td><td>")
                    .append(htmlEscape(assessment.productName())).append("</td><td>").append(assessment.status())
                    .append("</td><td>").append(assessment.currentRound()).append("</td></tr>");
        }
        return HtmlPage.wide("評価一覧 / Assessments", "<p><a href='/camunda/app/tasklist/'>Tasklist</a></p>"
                + "<table><tr><th>評価番号 / Reference</th><th>製造事業者 / Manufacturer</th><th>製品 / Product</th>"
                + "<th>状態 / Status</th><th>回 / Round</th></tr>" + rows + "</table>");
    }

    @GetMapping(value = "/lab/assessments/{id}/documents", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String page(@PathVariable long id, @RequestParam(required = false) String refused,
                       HttpServletRequest request, Authentication authentication, CsrfToken csrf) {
        // What the last upload did comes as flash attributes (kept in the session for one redirect), never from the
        // URL, so that no link can make the page say something.
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object uploaded = flash == null ? null : flash.get("uploaded");
        Object error = flash == null ? null : flash.get("error");
        if (TOO_LARGE.equals(refused)) {
            error = "the file is larger than the limit of " + DataSizes.text(limits.maxFileSize());
        }
        LabUser user = LabUser.of(authentication);
        DocumentListing listing = documents.list(id, user);
        Assessment assessment = listing.assessment();
        Map<String, StoredDocument> latest = listing.latestDocuments();
        StringBuilder body = new StringBuilder("<p>").append(htmlEscape(assessment.manufacturer())).append(" / ")
                .append(htmlEscape(assessment.productName())).append(" — ").append(assessment.status())
                .append(", round ").append(assessment.currentRound())
                .append(" — <a href='/lab/assessments'>評価一覧 / Assessments</a> — <a href='/camunda/app/tasklist/'>Tasklist</a></p>");
        if (uploaded != null) {
            body.append("<p class=ok>Uploaded / アップロードしました: ").append(htmlEscape(uploaded.toString())).append("</p>");
        }
        if (error != null) {
            body.append("<p class=error>Refused / 受け付けられません: ").append(htmlEscape(error.toString())).append("</p>");
        }
        List<CheckItem> docItems = assessments.catalogOf(assessment).itemsOf(Step.DOCUMENTATION);
        body.append("<h2>提出文書 / Documents</h2><table><tr><th>項目 / Item</th><th>状態 / Status</th>"
                + "<th>最新版 / Latest version</th><th>SHA-256</th></tr>");
        for (CheckItem item : docItems) {
            StoredDocument document = latest.get(item.id());
            body.append("<tr><td>").append(item.id()).append(' ').append(htmlEscape(item.title())).append("</td>");
            if (document == null) {
                body.append("<td class=missing>未提出 / missing</td><td></td><td></td></tr>");
            } else {
                body.append("<td>提出済 / supplied</td><td>").append(link(document)).append("</td><td><code>")
                        .append(document.sha256()).append("</code></td></tr>");
            }
        }
        body.append("</table>");
        String action = DocumentsOverview.pagePath(id);
        boolean open = assessment.status() == AssessmentStatus.IN_PROGRESS;
        if (open && user.isInAny(DocumentService.DOCUMENT_UPLOADERS)) {
            body.append(uploadForm("文書のアップロード / Upload a document", action, csrf, DocumentKind.DOCUMENT, docItems));
        }
        if (open && user.isInAny(DocumentService.EVIDENCE_UPLOADERS)) {
            body.append(uploadForm("エビデンスの添付 / Attach evidence (round " + assessment.currentRound() + ")",
                    action, csrf, DocumentKind.EVIDENCE, assessments.itemsInScope(assessment)));
        }
        body.append("<h2>全ファイル / All files</h2><table><tr><th>#</th><th>種別 / Kind</th><th>項目 / Item</th>"
                + "<th>回 / Round</th><th>ファイル / File</th><th>種類 / Type</th><th>サイズ / Bytes</th>"
                + "<th>SHA-256</th><th>アップロード / Uploaded</th></tr>");
        for (StoredDocument file : listing.files()) {
            body.append("<tr><td>").append(file.id()).append("</td><td>").append(file.kind()).append("</td><td>")
                    .append(file.itemId()).append("</td><td>").append(file.roundNo()).append("</td><td>")
                    .append(link(file)).append("</td><td>").append(htmlEscape(file.mediaType())).append("</td><td>")
                    .append(file.sizeBytes()).append("</td><td><code>").append(file.sha256()).append("</code></td><td>")
                    .append(htmlEscape(file.uploadedBy())).append(", ")
                    .append(file.uploadedAt().atZoneSameInstant(LabClock.ZONE).toLocalDateTime().withNano(0))
                    .append("</td></tr>");
        }
        body.append("</table>");
        return HtmlPage.wide(htmlEscape(assessment.reference()) + " 文書とエビデンス / Documents and evidence",
                body.toString());
    }

    /** Uploads from the page's forms; the page then shows what was stored or why it was refused. */
    @PostMapping(value = "/lab/assessments/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public String upload(@PathVariable long id, @RequestPart("file") MultipartFile file, @RequestParam String itemId,
                         @RequestParam String kind, Authentication user, RedirectAttributes next) {
        try {
            StoredDocument stored = documents.upload(id, LabUser.of(user), new DocumentService.Upload(kind, itemId,
                    file.getOriginalFilename(), file.getContentType(), file));
            next.addFlashAttribute("uploaded", stored.label());
        } catch (InvalidInputException | UnsupportedContentException | PayloadTooLargeException | ConflictException
                 | ForbiddenException refused) {
            next.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + DocumentsOverview.pagePath(id);
    }

    @GetMapping("/lab/assessments/{id}/documents/{documentId}/content")
    public ResponseEntity<InputStreamResource> content(@PathVariable long id, @PathVariable long documentId,
                                                       Authentication user) {
        return DocumentController.download(documents.open(id, documentId, LabUser.of(user)));
    }

    private String uploadForm(String title, String action, CsrfToken csrf, DocumentKind kind, List<CheckItem> items) {
        StringBuilder options = new StringBuilder();
        items.forEach(item -> options.append("<option value='").append(item.id()).append("'>").append(item.id())
                .append(' ').append(htmlEscape(item.title())).append("</option>"));
        return "<h2>" + title + "</h2><form method=post enctype=multipart/form-data action='" + action + "'>"
                + HtmlPage.hidden(csrf) + "<input type=hidden name=kind value=" + kind + ">"
                + "<label>項目 / Item <select name=itemId>" + options + "</select></label>"
                + "<label>ファイル / File (PDF, PNG, JPEG, text, ZIP, pcap; max " + DataSizes.text(limits.maxFileSize()) + ")"
                + " <input type=file name=file required></label><button>Upload</button></form>";
    }

    private static String link(StoredDocument document) {
        return "<a href='" + DocumentsOverview.contentPath(document) + "'>v" + document.version() + " "
                + htmlEscape(document.fileName()) + "</a>";
    }
}

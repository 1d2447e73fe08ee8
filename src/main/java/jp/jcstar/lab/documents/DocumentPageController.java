package jp.jcstar.lab.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jp.jcstar.lab.DataSizes;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.web.LabPage;
import jp.jcstar.lab.problem.PayloadTooLargeException;
import jp.jcstar.lab.problem.UnsupportedContentException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The documents page of an assessment, for people in the browser (the session of Tasklist): which DOC items have a
 * document and which are missing, every file with its SHA-256 and a download link, and the upload forms. The Tasklist
 * forms and the assessment page link here. A template, no script.
 */
@Controller
@LabPage
public class DocumentPageController {

    /** The one refusal UploadSizeFilter sends back to the page, before the request reaches the app. */
    static final String TOO_LARGE = "too-large";

    private final DocumentService documents;
    private final AssessmentAccess access;
    private final AssessmentRecords assessments;
    private final DocumentProperties limits;

    public DocumentPageController(DocumentService documents, AssessmentAccess access, AssessmentRecords assessments,
                                  DocumentProperties limits) {
        this.documents = documents;
        this.access = access;
        this.assessments = assessments;
        this.limits = limits;
    }

    /** An upload form of the page: its title, the kind it uploads and the items it offers. */
    public record UploadForm(String title, DocumentKind kind, List<CheckItem> items) {
    }

    /** One file on the page. */
    public record FileRow(StoredDocument file, String path, String uploadedAt) {
    }

    @GetMapping(value = "/lab/assessments/{id}/documents", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable long id, @RequestParam(required = false) String refused,
                       HttpServletRequest request, Authentication authentication, Model model) {
        // What the last upload did comes as flash attributes (kept in the session for one redirect), never from the
        // URL, so that no link can make the page say something.
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object error = flash == null ? null : flash.get("error");
        if (TOO_LARGE.equals(refused)) {
            error = PayloadTooLargeException.refusal(null, limits.maxFileSize()).toString();
        }
        LabUser user = LabUser.of(authentication);
        DocumentListing listing = documents.list(id, user);
        Assessment assessment = listing.assessment();
        Map<String, StoredDocument> latest = listing.latestDocuments();
        List<CheckItem> docItems = assessments.catalogOf(assessment).itemsOf(Step.DOCUMENTATION);
        boolean open = assessment.status() == AssessmentStatus.IN_PROGRESS;
        List<UploadForm> forms = new ArrayList<>();
        if (open && user.isInAny(DocumentService.DOCUMENT_UPLOADERS)) {
            forms.add(new UploadForm("文書のアップロード / Upload a document", DocumentKind.DOCUMENT, docItems));
        }
        if (open && user.isInAny(DocumentService.EVIDENCE_UPLOADERS)) {
            forms.add(new UploadForm("エビデンスの添付（第" + assessment.currentRound() + "回）/ Attach evidence (round "
                    + assessment.currentRound() + ")", DocumentKind.EVIDENCE, assessments.itemsInScope(assessment)));
        }
        model.addAttribute("assessment", assessment);
        model.addAttribute("status", Wording.status(assessment.status()));
        model.addAttribute("uploaded", flash == null ? null : flash.get("uploaded"));
        model.addAttribute("error", error);
        model.addAttribute("docItems", docItems);
        model.addAttribute("latest", latest.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> new FileRow(entry.getValue(), DocumentsOverview.contentPath(entry.getValue()),
                        Wording.dateTime(entry.getValue().uploadedAt())))));
        model.addAttribute("files", listing.files().stream().map(file -> new FileRow(file,
                DocumentsOverview.contentPath(file), Wording.dateTime(file.uploadedAt()))).toList());
        model.addAttribute("forms", forms);
        model.addAttribute("maxSize", DataSizes.text(limits.maxFileSize()));
        return "documents";
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
}

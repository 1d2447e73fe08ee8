package jp.jcstar.lab.documents;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.DOCUMENTS_OVERVIEW;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.process.Markdown;
import jp.jcstar.lab.security.AsApp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Tasklist forms show of an assessment's documents (process variable documentsOverview, Markdown): for every
 * DOC item its latest version with a download link, or that it is missing, and the link to the documents page where
 * files are uploaded. The forms cannot ask the app, so the app writes it into the process.
 */
@Component
public class DocumentsOverview {

    static final int REFRESH_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(DocumentsOverview.class);

    private final DocumentRepository documents;
    private final AssessmentService assessments;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate transactions;

    public DocumentsOverview(DocumentRepository documents, AssessmentService assessments, RuntimeService runtimeService,
                             IdentityService identityService, TransactionTemplate transactions) {
        this.documents = documents;
        this.assessments = assessments;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.transactions = transactions;
    }

    /** The browser page of an assessment's documents and evidence (session login, like Tasklist). */
    public static String pagePath(long assessmentId) {
        return "/lab/assessments/" + assessmentId + "/documents";
    }

    public static String contentPath(StoredDocument document) {
        return pagePath(document.assessmentId()) + "/" + document.id() + "/content";
    }

    public String markdown(Assessment assessment) {
        DocumentListing listing = new DocumentListing(assessment, documents.list(assessment.id()));
        Map<String, StoredDocument> latest = listing.latestDocuments();
        long evidence = listing.files().stream().filter(file -> file.kind() == DocumentKind.EVIDENCE).count();
        List<CheckItem> docItems = assessments.catalogOf(assessment).itemsOf(Step.DOCUMENTATION);
        long missing = docItems.stream().filter(item -> !latest.containsKey(item.id())).count();
        StringBuilder text = new StringBuilder("**提出文書 / Documents**: ")
                .append(docItems.size() - missing).append(" / ").append(docItems.size()).append(" 提出済 / supplied")
                .append(missing == 0 ? "" : ", " + missing + " 未提出 / missing").append(", ")
                .append(evidence).append(" エビデンス / evidence files. [アップロードと一覧 / Upload and list](")
                .append(pagePath(assessment.id())).append(")\n\n");
        for (CheckItem item : docItems) {
            StoredDocument document = latest.get(item.id());
            text.append("- ").append(item.id()).append(' ').append(markdownText(item.title())).append(": ");
            if (document == null) {
                text.append("**未提出 / missing**");
            } else {
                text.append("提出済 / supplied [v").append(document.version()).append(' ')
                        .append(markdownText(document.fileName())).append("](").append(contentPath(document))
                        .append(") (").append(markdownText(document.uploadedBy())).append(", ")
                        .append(document.uploadedAt().atZoneSameInstant(LabClock.ZONE).toLocalDate()).append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Rewrites the overview in the assessment's running process, if it runs, in a transaction of its own: after an
     * upload, which stays stored whether or not this succeeds (a failure is logged, never passed to the uploader).
     * Two uploads at once may both rewrite it; the one that loses the engine's optimistic lock computes it again.
     */
    public void refresh(long assessmentId) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    Assessment assessment = assessments.get(assessmentId);
                    if (assessment.processInstanceId() != null) {
                        AsApp.run(identityService, () -> {
                            if (runtimeService.createProcessInstanceQuery()
                                    .processInstanceId(assessment.processInstanceId()).count() == 1) {
                                runtimeService.setVariable(assessment.processInstanceId(), DOCUMENTS_OVERVIEW.name(),
                                        markdown(assessment));
                            }
                            return null;
                        });
                    }
                });
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == REFRESH_ATTEMPTS) {
                    log.warn("The documents overview of assessment {} stays as it was after {} attempts: {}",
                            assessmentId, attempt, e.getMessage());
                    return;
                }
            } catch (RuntimeException e) {
                // The upload is stored; the forms catch up when the next task that shows documents opens.
                log.warn("The documents overview of assessment {} could not be rewritten", assessmentId, e);
                return;
            }
        }
    }

    /** Text inside Markdown, with the characters that would make it a link, emphasis or HTML escaped. */
    static String markdownText(String text) {
        return Markdown.text(text);
    }
}

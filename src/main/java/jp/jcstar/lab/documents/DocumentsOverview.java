package jp.jcstar.lab.documents;

import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.engine.Markdown;
import org.springframework.stereotype.Component;

/**
 * What the Tasklist forms show of an assessment's documents (process variable documentsOverview, Markdown): for every
 * DOC item its latest version with a download link, or that it is missing, and the link to the documents page where
 * files are uploaded. The forms cannot ask the app, so the workflow writes it into the process (when a task opens
 * and when {@link DocumentsChanged}).
 */
@Component
public class DocumentsOverview {

    private final DocumentRepository documents;
    private final AssessmentRecords assessments;

    public DocumentsOverview(DocumentRepository documents, AssessmentRecords assessments) {
        this.documents = documents;
        this.assessments = assessments;
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

    /** Text inside Markdown, with the characters that would make it a link, emphasis or HTML escaped. */
    static String markdownText(String text) {
        return Markdown.text(text);
    }
}

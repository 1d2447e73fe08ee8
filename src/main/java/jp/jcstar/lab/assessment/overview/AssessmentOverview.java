package jp.jcstar.lab.assessment.overview;

import java.util.List;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.reports.ReportAccess;

/**
 * Everything a person may see of one assessment, in words people read (Japanese and English, the lab's time): what
 * the assessment page shows and what the Tasklist forms carry as their context.
 */
public record AssessmentOverview(Assessment assessment, String status, String level, String scope, String appliedAt,
                                 boolean open,
                                 List<StepRow> steps, List<RoundRow> rounds, List<ItemRow> items,
                                 List<FindingRow> findings, List<EventRow> events, DocumentsRow documents,
                                 List<ReportAccess.Link> reports) {

    /** An open task: the step, who has the ball, when it is due. */
    public record StepRow(String name, String who, String assignee, String due, boolean overdue) {
    }

    /** A test round with the versions it tested and its outcome; the issue list of a failed round. */
    public record RoundRow(int round, Versions versions, String changedDocuments, String started, String evaluated,
                           String outcome, String issueListPath) {
    }

    /** A catalog item in scope: its latest verdict and every verdict before it. */
    public record ItemRow(String id, String title, String requirement, String verdict, String verdictClass,
                          String observation, List<VerdictRow> history, List<FileLink> evidence) {
    }

    public record VerdictRow(int round, int revision, String verdict, String verdictClass, String observation,
                             String recordedBy, String recordedAt) {
    }

    /**
     * A failed item of a round: what the engineer saw, what must be fixed, what the manufacturer answered; retest the
     * outcome of its retest once retested, else null.
     */
    public record FindingRow(int round, String itemId, String title, String observation, String requiredFix,
                             String status, String retest, String response, String answeredAt, String due, boolean open,
                             List<FileLink> evidence, String issueListPath) {
    }

    /** A decision or exchange on record; sentBack for a review that sent the report back to the engineers. */
    public record EventRow(String at, String what, String actor, String text, boolean sentBack) {
    }

    public record DocumentsRow(int supplied, int required, List<String> missing, int evidenceFiles, String pagePath) {
    }

    /** A stored file as a link: "DEV-03 v1 uart-scan.txt". */
    public record FileLink(String label, String path) {
    }
}

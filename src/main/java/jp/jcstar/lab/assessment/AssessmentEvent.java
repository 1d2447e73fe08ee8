package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;

/** A person's decision or exchange in an assessment, kept with who, when and why. */
public record AssessmentEvent(long id, Kind kind, String decision, String actor, String text, OffsetDateTime at) {

    public enum Kind {
        /** The engineer asked the manufacturer for missing or unclear documents. */
        DOCUMENT_REQUEST,
        /** The manufacturer answered a document request. */
        DOCUMENTS_SUPPLIED,
        /** A reviewer approved the report or sent it back (decision APPROVE / REJECT, text the reason). */
        REPORT_REVIEW,
        /** A lab manager extended or terminated after the retest limit (decision EXTEND / TERMINATE). */
        FURTHER_ROUND
    }
}

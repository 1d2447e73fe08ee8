package jp.jcstar.lab.documents;

/** What an uploaded file is to the assessment. */
public enum DocumentKind {
    /** The manufacturer's document for a DOC item: each upload is the next version of that item's document. */
    DOCUMENT,
    /** An engineer's evidence for a check item's verdict in a round: packet captures, screenshots, logs, tool output. */
    EVIDENCE
}

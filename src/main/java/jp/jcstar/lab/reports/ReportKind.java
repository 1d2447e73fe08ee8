package jp.jcstar.lab.reports;

public enum ReportKind {
    /** The findings of one failed round, sent to the manufacturer. */
    ISSUE_LIST,
    /** The reviewed final assessment report. */
    FINAL,
    /** The notice of an assessment the lab ended as failed: what did not pass. */
    TERMINATION
}

package jp.jcstar.lab.reports;

public enum ReportKind {
    /** The findings of one failed round, sent to the manufacturer. */
    ISSUE_LIST,
    /** The reviewed final assessment report. */
    FINAL
}

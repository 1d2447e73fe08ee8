package jp.jcstar.lab.assessment;

public enum AssessmentStatus {
    IN_PROGRESS, COMPLETED, TERMINATED,
    /** The manufacturer took its application back before testing started. */
    WITHDRAWN,
    /** A lab manager ended the assessment, with a reason. */
    CANCELLED
}

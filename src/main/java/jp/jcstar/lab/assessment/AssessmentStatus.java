package jp.jcstar.lab.assessment;

public enum AssessmentStatus {
    IN_PROGRESS, COMPLETED, TERMINATED
}

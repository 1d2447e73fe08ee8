package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.ReviewDecision;
import jp.jcstar.lab.process.CurrentUser;
import jp.jcstar.lab.process.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Assignment and complete listener of userTask_reviewReport: the four-eyes rule held by the engine, whatever the
 * client. Nobody who recorded a verdict may be assigned the review or decide it.
 */
@Component
public class ReviewReportListener implements TaskListener {

    private final AssessmentService assessments;
    private final CurrentUser currentUser;

    public ReviewReportListener(AssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                assessments.requireIndependentReviewer(assessmentId, task.getAssignee());
            }
            return;
        }
        Submission submission = Submission.of(task);
        ReviewDecision decision = assessments.recordReview(assessmentId, currentUser.of(task),
                submission.find(REVIEW_DECISION).orElse(null), submission.find(REJECTION_REASON).orElse(null));
        REPORT_APPROVED.set(task, decision == ReviewDecision.APPROVE);
        REVIEW_DECISION.remove(task);
    }
}

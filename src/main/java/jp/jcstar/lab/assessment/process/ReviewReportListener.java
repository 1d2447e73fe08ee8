package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.review.ReviewReport;
import jp.jcstar.lab.assessment.ReviewDecision;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.Submission;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Assignment and complete listener of userTask_reviewReport: the four-eyes rule held by the engine, whatever the
 * client. Nobody who recorded a verdict may be assigned the review or decide it.
 */
@Component
public class ReviewReportListener implements TaskListener {

    private final AssessmentRecords assessments;
    private final ReviewReport review;
    private final CurrentUser currentUser;

    public ReviewReportListener(AssessmentRecords assessments, ReviewReport review, CurrentUser currentUser) {
        this.assessments = assessments;
        this.review = review;
        this.currentUser = currentUser;
    }

    /** The item IDs the reviewer named, each in the assessment's scope; none means every item in scope. */
    private List<String> itemsInQuestion(long assessmentId, String named) {
        Set<String> inScope = assessments.itemsInScope(assessments.get(assessmentId)).stream().map(CheckItem::id)
                .collect(Collectors.toSet());
        List<String> items = Arrays.stream(named.toUpperCase(Locale.ROOT).split("[\\s,、]+"))
                .filter(id -> !id.isEmpty()).distinct().toList();
        List<String> unknown = items.stream().filter(id -> !inScope.contains(id)).toList();
        if (!unknown.isEmpty()) {
            String strangers = String.join(", ", unknown);
            throw new InvalidInputException(Bilingual.of("見直す項目: " + strangers + " はこの評価の項目ではありません。"
                    + "評価範囲の項目ID（例: CLD-04）を入力してください。", "Items in question: " + strangers
                    + " is not an item of this assessment: name items in scope, e.g. CLD-04."));
        }
        return items;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                review.requireIndependentReviewer(assessmentId, task.getAssignee());
            }
            return;
        }
        Submission submission = Submission.of(task);
        ReviewDecision decision = review.record(assessmentId, currentUser.of(task),
                submission.find(REVIEW_DECISION).orElse(null), submission.find(REJECTION_REASON).orElse(null));
        REPORT_APPROVED.set(task, decision == ReviewDecision.APPROVE);
        if (decision == ReviewDecision.REJECT) {
            ITEMS_IN_QUESTION.set(task, String.join(", ", itemsInQuestion(assessmentId,
                    submission.find(ITEMS_IN_QUESTION).orElse(""))));
        } else {
            ITEMS_IN_QUESTION.remove(task);
        }
        REVIEW_DECISION.remove(task);
    }
}

package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.FurtherRoundDecision;
import jp.jcstar.lab.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_decideFurtherRound: one more round raises the retest limit by one. */
@Component
public class RecordFurtherRoundDecisionListener implements TaskListener {

    private final AssessmentService assessments;
    private final CurrentUser currentUser;

    public RecordFurtherRoundDecisionListener(AssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        FurtherRoundDecision decision = assessments.decideFurtherRound(ASSESSMENT_ID.get(task),
                FURTHER_ROUND_DECISION.find(task).orElse(null), DECISION_REASON.find(task).orElse(null),
                currentUser.of(task));
        if (decision == FurtherRoundDecision.EXTEND) {
            RETEST_LIMIT.set(task, RETEST_LIMIT.get(task) + 1);
        }
    }
}

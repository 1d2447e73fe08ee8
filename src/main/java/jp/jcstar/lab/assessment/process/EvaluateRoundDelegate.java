package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.RoundEvaluation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_evaluateRound: routes to review or rectification and flags the failed items for the retest form. */
@Component
public class EvaluateRoundDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public EvaluateRoundDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long assessmentId = assessments.idOf(execution.getProcessInstanceId());
        RoundEvaluation evaluation = assessments.evaluateRound(assessmentId);
        ALL_ITEMS_PASSED.set(execution, evaluation.allItemsPassed());
        FAILED_RETESTS.set(execution, evaluation.failedRetests());
        RETEST_LIMIT.set(execution, assessments.get(assessmentId).retestLimit());
        ItemVariables.flagForRetest(execution, assessments.catalogOf(assessments.get(assessmentId)).items(),
                evaluation.failedItems());
        // A reviewer's reason for sending the report back has been dealt with once the round is evaluated again.
        REJECTION_REASON.remove(execution);
        ITEMS_IN_QUESTION.remove(execution);
    }
}

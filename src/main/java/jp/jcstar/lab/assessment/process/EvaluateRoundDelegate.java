package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.evaluation.EvaluateRound;
import jp.jcstar.lab.assessment.RoundEvaluation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_evaluateRound: routes to review or rectification and flags the failed items for the retest form. */
@Component
public class EvaluateRoundDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final EvaluateRound evaluateRound;

    public EvaluateRoundDelegate(AssessmentRecords assessments, EvaluateRound evaluateRound) {
        this.assessments = assessments;
        this.evaluateRound = evaluateRound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long assessmentId = assessments.idOf(execution.getProcessInstanceId());
        RoundEvaluation evaluation = evaluateRound.evaluate(assessmentId);
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

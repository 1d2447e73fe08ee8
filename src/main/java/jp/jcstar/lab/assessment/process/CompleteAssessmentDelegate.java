package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.decision.EndAssessment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_completeAssessment: the assessment passed; its findings close. */
@Component
public class CompleteAssessmentDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final EndAssessment ending;

    public CompleteAssessmentDelegate(AssessmentRecords assessments, EndAssessment ending) {
        this.assessments = assessments;
        this.ending = ending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ending.complete(assessments.idOf(execution.getProcessInstanceId()));
    }
}

package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_completeAssessment: the assessment passed; its findings close. */
@Component
public class CompleteAssessmentDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public CompleteAssessmentDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.complete(assessments.idOf(execution.getProcessInstanceId()));
    }
}

package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_terminateAssessment: the lab manager ended the assessment as failed, for the reason given. */
@Component
public class TerminateAssessmentDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public TerminateAssessmentDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.terminate(assessments.idOf(execution.getProcessInstanceId()));
    }
}

package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.decision.EndAssessment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_terminateAssessment: the lab manager ended the assessment as failed, for the reason given. */
@Component
public class TerminateAssessmentDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final EndAssessment ending;

    public TerminateAssessmentDelegate(AssessmentRecords assessments, EndAssessment ending) {
        this.assessments = assessments;
        this.ending = ending;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ending.terminate(assessments.idOf(execution.getProcessInstanceId()));
    }
}

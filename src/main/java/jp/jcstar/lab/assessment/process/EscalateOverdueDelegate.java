package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.OverdueWork;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * serviceTask_escalateOverdueDocuments and serviceTask_escalateOverdueRectification, fired by non-interrupting
 * due-date timers: the manufacturer's task stays open; the input parameter overdueWork says what is late.
 */
@Component
public class EscalateOverdueDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public EscalateOverdueDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.escalateOverdue(assessments.idOf(execution.getProcessInstanceId()), OverdueWork.parse(OVERDUE_WORK.get(execution)));
    }
}

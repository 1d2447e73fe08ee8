package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.Date;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.decision.EscalateOverdue;
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

    private final AssessmentRecords assessments;
    private final EscalateOverdue escalation;

    public EscalateOverdueDelegate(AssessmentRecords assessments, EscalateOverdue escalation) {
        this.assessments = assessments;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OverdueWork work = OverdueWork.parse(OVERDUE_WORK.get(execution));
        Date due = (work == OverdueWork.DOCUMENTS ? DOCUMENTS_DUE_DATE : RECTIFICATION_DUE_DATE).find(execution).orElse(null);
        escalation.escalate(assessments.idOf(execution.getProcessInstanceId()), work,
                due == null ? null : due.toInstant().atZone(LabClock.ZONE).toOffsetDateTime());
    }
}

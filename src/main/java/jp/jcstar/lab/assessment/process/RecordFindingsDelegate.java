package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.findings.FindingsLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_recordFindings: the failed items become findings, due by the rectification due date. */
@Component
public class RecordFindingsDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final FindingsLifecycle findings;
    private final LabClock clock;
    private final LabProperties lab;

    public RecordFindingsDelegate(AssessmentRecords assessments, FindingsLifecycle findings, LabClock clock, LabProperties lab) {
        this.assessments = assessments;
        this.findings = findings;
        this.clock = clock;
        this.lab = lab;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime due = clock.now().plus(lab.rectificationDuePeriod());
        findings.openForFailedItems(assessments.idOf(execution.getProcessInstanceId()), due, clock.now());
        RECTIFICATION_DUE_DATE.set(execution, Date.from(due.toInstant()));
    }
}

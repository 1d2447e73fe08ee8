package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateIssueList (async): the failed round's issue list PDF; its findings go to the manufacturer. */
@Component
public class GenerateIssueListDelegate implements JavaDelegate {

    private final ReportService reports;
    private final AssessmentService assessments;

    public GenerateIssueListDelegate(ReportService reports, AssessmentService assessments) {
        this.reports = reports;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.generateIssueList(assessments.idOf(execution.getProcessInstanceId()));
    }
}

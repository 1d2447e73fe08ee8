package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;

import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateIssueList (async): the failed round's issue list PDF; its findings go to the manufacturer. */
@Component
public class GenerateIssueListDelegate implements JavaDelegate {

    private final ReportService reports;

    public GenerateIssueListDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.generateIssueList(ASSESSMENT_ID.get(execution));
    }
}

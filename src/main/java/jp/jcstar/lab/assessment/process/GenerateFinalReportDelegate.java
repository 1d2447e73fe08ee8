package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;

import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateFinalReport (async): the approved final assessment report PDF. */
@Component
public class GenerateFinalReportDelegate implements JavaDelegate {

    private final ReportService reports;

    public GenerateFinalReportDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.generateFinalReport(ASSESSMENT_ID.get(execution));
    }
}

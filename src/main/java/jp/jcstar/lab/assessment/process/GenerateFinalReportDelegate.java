package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateFinalReport (async): the approved final assessment report PDF. */
@Component
public class GenerateFinalReportDelegate implements JavaDelegate {

    private final ReportService reports;
    private final AssessmentRecords assessments;

    public GenerateFinalReportDelegate(ReportService reports, AssessmentRecords assessments) {
        this.reports = reports;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.generateFinalReport(assessments.idOf(execution.getProcessInstanceId()));
    }
}

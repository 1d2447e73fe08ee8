package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateFinalReport (async): the approved final assessment report PDF, and the label's life from it. */
@Component
public class GenerateFinalReportDelegate implements JavaDelegate {

    private final ReportService reports;
    private final AssessmentRecords assessments;
    private final LabelValidity label;

    public GenerateFinalReportDelegate(ReportService reports, AssessmentRecords assessments, LabelValidity label) {
        this.reports = reports;
        this.assessments = assessments;
        this.label = label;
    }

    /** The report, then the label's life: both in the job's transaction, so neither is left without the other. */
    @Override
    public void execute(DelegateExecution execution) {
        long id = assessments.idOf(execution.getProcessInstanceId());
        label.start(assessments.get(id), reports.generateFinalReport(id));
    }
}

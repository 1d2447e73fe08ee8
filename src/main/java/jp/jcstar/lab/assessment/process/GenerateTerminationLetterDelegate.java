package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.reports.ReportService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateTerminationLetter (async): the signed notice of an assessment ended as failed. */
@Component
public class GenerateTerminationLetterDelegate implements JavaDelegate {

    private final ReportService reports;
    private final AssessmentRecords assessments;

    public GenerateTerminationLetterDelegate(ReportService reports, AssessmentRecords assessments) {
        this.reports = reports;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.generateTerminationLetter(assessments.idOf(execution.getProcessInstanceId()));
    }
}

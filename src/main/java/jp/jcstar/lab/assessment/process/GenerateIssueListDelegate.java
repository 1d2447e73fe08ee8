package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.rectification.SendIssueList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_generateIssueList (async): the failed round's issue list PDF; its findings go to the manufacturer. */
@Component
public class GenerateIssueListDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;
    private final SendIssueList issueList;

    public GenerateIssueListDelegate(AssessmentRecords assessments, SendIssueList issueList) {
        this.assessments = assessments;
        this.issueList = issueList;
    }

    @Override
    public void execute(DelegateExecution execution) {
        issueList.send(assessments.idOf(execution.getProcessInstanceId()));
    }
}

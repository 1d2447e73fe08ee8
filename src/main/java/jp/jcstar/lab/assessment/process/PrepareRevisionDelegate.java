package jp.jcstar.lab.assessment.process;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.catalog.CheckItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** serviceTask_prepareRevision: a rejected report opens every item in scope for the engineers to correct. */
@Component
public class PrepareRevisionDelegate implements JavaDelegate {

    private final AssessmentService assessments;

    public PrepareRevisionDelegate(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Assessment assessment = assessments.get(assessments.idOf(execution.getProcessInstanceId()));
        ItemVariables.flagForRetest(execution, assessments.catalogOf(assessment).items(),
                assessments.itemsInScope(assessment).stream().map(CheckItem::id).toList());
    }
}

package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ITEMS_IN_QUESTION;

import java.util.List;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.catalog.CheckItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * serviceTask_prepareRevision: a rejected report opens the items the reviewer named for the engineers to correct, or
 * every item in scope when the reviewer named none.
 */
@Component
public class PrepareRevisionDelegate implements JavaDelegate {

    private final AssessmentRecords assessments;

    public PrepareRevisionDelegate(AssessmentRecords assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Assessment assessment = assessments.get(assessments.idOf(execution.getProcessInstanceId()));
        List<String> inQuestion = ITEMS_IN_QUESTION.find(execution).filter(items -> !items.isBlank())
                .map(items -> List.of(items.split(",\\s*"))).orElse(null);
        ItemVariables.flagForRetest(execution, assessments.catalogOf(assessment).items(), inQuestion != null ? inQuestion
                : assessments.itemsInScope(assessment).stream().map(CheckItem::id).toList());
    }
}

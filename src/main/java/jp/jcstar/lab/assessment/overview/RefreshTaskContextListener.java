package jp.jcstar.lab.assessment.overview;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ITEMS_IN_QUESTION;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.TASK_CONTEXT;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.engine.ModelProperties;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the tasks whose form shows its step's history (extension property taskContext = RECTIFICATION,
 * RETEST, REVISION, DECISION or REVIEW): the app writes it from its tables onto the task itself when the task opens,
 * so each task shows its own and it goes with the task.
 */
@Component
public class RefreshTaskContextListener implements TaskListener {

    private final AssessmentRecords assessments;
    private final TaskContexts contexts;

    public RefreshTaskContextListener(AssessmentRecords assessments, TaskContexts contexts) {
        this.assessments = assessments;
        this.contexts = contexts;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskContexts.Kind kind = ModelProperties.find(task.getBpmnModelElementInstance(), TaskContexts.PROPERTY)
                .map(TaskContexts.Kind::valueOf)
                .orElseThrow(() -> new IllegalStateException(task.getTaskDefinitionKey()
                        + " has refreshTaskContextListener but no extension property " + TaskContexts.PROPERTY));
        TASK_CONTEXT.setLocal(task, contexts.markdown(assessments.get(assessments.idOf(task.getProcessInstanceId())), kind,
                ITEMS_IN_QUESTION.find(task).orElse(null)));
    }
}

package jp.jcstar.lab.documents;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.DOCUMENTS_OVERVIEW;

import jp.jcstar.lab.assessment.AssessmentService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the tasks whose forms show the documents (documentation review, document request,
 * rectification): the overview is current when the task opens; uploads keep it current afterwards.
 */
@Component
public class RefreshDocumentsOverviewListener implements TaskListener {

    private final DocumentsOverview overview;
    private final AssessmentService assessments;

    public RefreshDocumentsOverviewListener(DocumentsOverview overview, AssessmentService assessments) {
        this.overview = overview;
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        DOCUMENTS_OVERVIEW.set(task, overview.markdown(assessments.get(assessments.idOf(task.getProcessInstanceId()))));
    }
}

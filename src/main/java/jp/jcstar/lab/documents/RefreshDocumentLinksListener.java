package jp.jcstar.lab.documents;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.ASSESSMENT_ID;
import static jp.jcstar.lab.assessment.process.AssessmentVariables.DOCUMENTS_OVERVIEW;

import jp.jcstar.lab.assessment.Assessment;

import jp.jcstar.lab.assessment.AssessmentService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the tasks whose forms show or link to the documents (documentation review, document request,
 * rectification, the tests and retests): what the form shows is rewritten from the app's tables when the task opens,
 * the overview and the assessment ID the documents link goes to, whatever a client completing an earlier task set
 * them to. Uploads keep the overview current afterwards.
 */
@Component
public class RefreshDocumentLinksListener implements TaskListener {

    private final DocumentsOverview overview;
    private final AssessmentService assessments;

    public RefreshDocumentLinksListener(DocumentsOverview overview, AssessmentService assessments) {
        this.overview = overview;
        this.assessments = assessments;
    }

    @Override
    public void notify(DelegateTask task) {
        Assessment assessment = assessments.get(assessments.idOf(task.getProcessInstanceId()));
        ASSESSMENT_ID.set(task, assessment.id());
        DOCUMENTS_OVERVIEW.set(task, overview.markdown(assessment));
    }
}

package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.documentation.RecordDocumentsSupplied;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_supplyDocuments: records the manufacturer's answer to the lab's request. */
@Component
public class RecordDocumentsSuppliedListener implements TaskListener {

    private final AssessmentRecords assessments;
    private final RecordDocumentsSupplied documentsSupplied;
    private final CurrentUser currentUser;

    public RecordDocumentsSuppliedListener(AssessmentRecords assessments, RecordDocumentsSupplied documentsSupplied, CurrentUser currentUser) {
        this.assessments = assessments;
        this.documentsSupplied = documentsSupplied;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        documentsSupplied.record(assessments.idOf(task.getProcessInstanceId()),
                Submission.of(task).find(DOCUMENTS_SUPPLIED).orElse(null), currentUser.of(task));
        // Request and answer are on record; the next documentation review starts without them.
        DOCUMENT_REQUEST.remove(task);
        DOCUMENTS_SUPPLIED.remove(task);
    }
}

package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.rectification.RecordRectification;
import jp.jcstar.lab.assessment.Rectification;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_submitRectification: answers the findings and opens the retest round. */
@Component
public class RecordRectificationListener implements TaskListener {

    private final AssessmentRecords assessments;
    private final RecordRectification rectification;
    private final CurrentUser currentUser;

    public RecordRectificationListener(AssessmentRecords assessments, RecordRectification rectification, CurrentUser currentUser) {
        this.assessments = assessments;
        this.rectification = rectification;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        List<CheckItem> flagged = ItemVariables.flagged(task, assessments.catalogOf(assessments.get(assessmentId)).items());
        Submission submission = Submission.of(task);
        Map<String, String> responses = new LinkedHashMap<>();
        flagged.forEach(item -> submission.find(ItemVariables.response(item.id()))
                .ifPresent(response -> responses.put(item.id(), response)));
        rectification.record(assessmentId, new Rectification(versions(submission::find),
                submission.find(CHANGED_DOCUMENTS).orElse(null), responses), currentUser.of(task));
        // Recorded on the findings; the next round's rectification form must start without them.
        flagged.forEach(item -> ItemVariables.response(item.id()).remove(task));
        CHANGED_DOCUMENTS.remove(task);
    }
}

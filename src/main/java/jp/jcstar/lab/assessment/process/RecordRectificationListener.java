package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.AssessmentService;
import jp.jcstar.lab.assessment.Rectification;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_submitRectification: answers the findings and opens the retest round. */
@Component
public class RecordRectificationListener implements TaskListener {

    private final AssessmentService assessments;
    private final CurrentUser currentUser;

    public RecordRectificationListener(AssessmentService assessments, CurrentUser currentUser) {
        this.assessments = assessments;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        List<CheckItem> flagged = ItemVariables.flagged(task, assessments.catalogOf(assessments.get(assessmentId)).items());
        Map<String, String> responses = new LinkedHashMap<>();
        flagged.forEach(item -> ItemVariables.response(item.id()).find(task)
                .ifPresent(response -> responses.put(item.id(), response)));
        assessments.recordRectification(assessmentId, new Rectification(FIRMWARE_VERSION.find(task).orElse(null),
                APP_VERSION.find(task).orElse(null), CLOUD_VERSION.find(task).orElse(null),
                CHANGED_DOCUMENTS.find(task).orElse(null), responses), currentUser.of(task));
        // Recorded on the findings; the next round's rectification form must start without them.
        flagged.forEach(item -> ItemVariables.response(item.id()).remove(task));
        CHANGED_DOCUMENTS.remove(task);
    }
}

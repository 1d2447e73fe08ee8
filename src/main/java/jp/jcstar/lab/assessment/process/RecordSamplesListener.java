package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.List;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.testing.RecordSamples;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.ProcessVariable;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_receiveSamples: records the samples its completer submitted. */
@Component
public class RecordSamplesListener implements TaskListener {

    private static final List<ProcessVariable<String>> FIELDS = List.of(SAMPLES_RECEIVED_ON, SAMPLE_SERIALS,
            SAMPLE_HARDWARE_REVISION, SAMPLE_FIRMWARE_VERSION, SAMPLE_APP_VERSION, SAMPLE_CLOUD_VERSION, SAMPLE_CONDITION);

    private final AssessmentRecords assessments;
    private final RecordSamples samples;
    private final CurrentUser currentUser;

    public RecordSamplesListener(AssessmentRecords assessments, RecordSamples samples, CurrentUser currentUser) {
        this.assessments = assessments;
        this.samples = samples;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Submission submission = Submission.of(task);
        samples.record(assessments.idOf(task.getProcessInstanceId()), new RecordSamples.SubmittedSamples(
                submission.find(SAMPLES_RECEIVED_ON).orElse(null), submission.find(SAMPLE_SERIALS).orElse(null),
                submission.find(SAMPLE_HARDWARE_REVISION).orElse(null),
                submission.find(SAMPLE_FIRMWARE_VERSION).orElse(null), submission.find(SAMPLE_APP_VERSION).orElse(null),
                submission.find(SAMPLE_CLOUD_VERSION).orElse(null), submission.find(SAMPLE_CONDITION).orElse(null)),
                currentUser.of(task));
        // Recorded in the app's tables; a renewal's or a later delivery's form starts empty.
        FIELDS.forEach(field -> field.remove(task));
    }
}

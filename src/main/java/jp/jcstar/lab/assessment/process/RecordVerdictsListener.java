package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import java.util.List;
import java.util.Set;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.RawVerdict;
import jp.jcstar.lab.assessment.documentation.ReviewDocumentation;
import jp.jcstar.lab.assessment.testing.RecordVerdicts;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.ItemIds;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.ModelProperties;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every test task: records the verdicts its completer submitted for the task's items. The task
 * names its items with the extension property {@code checkItems}: a step (DOCUMENTATION, DEVICE, APP, CLOUD), or FLAGGED for
 * the items flagged for retest. A refused verdict refuses the completion, so the task stays open. Recorded verdicts
 * are removed from the process variables so that each round's form starts empty.
 */
@Component
public class RecordVerdictsListener implements TaskListener {

    /** Extension property of a test task naming the items it records. */
    public static final String CHECK_ITEMS = "checkItems";
    /** checkItems value: the items flagged for retest (retest_* variables). */
    public static final String FLAGGED = "FLAGGED";

    private final AssessmentRecords assessments;
    private final ReviewDocumentation documentationReview;
    private final RecordVerdicts verdicts;
    private final CurrentUser currentUser;
    private final DocumentsDueDate documentsDue;

    public RecordVerdictsListener(AssessmentRecords assessments, ReviewDocumentation documentationReview,
                                  RecordVerdicts verdicts, CurrentUser currentUser, DocumentsDueDate documentsDue) {
        this.assessments = assessments;
        this.documentationReview = documentationReview;
        this.verdicts = verdicts;
        this.currentUser = currentUser;
        this.documentsDue = documentsDue;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        // Recording takes the lock anyway: taken first, the row is read once.
        Assessment assessment = assessments.lock(assessmentId);
        String checkItems = ModelProperties.find(task.getBpmnModelElementInstance(), CHECK_ITEMS)
                .orElseThrow(() -> new IllegalStateException("User task " + task.getTaskDefinitionKey()
                        + " records verdicts but has no extension property " + CHECK_ITEMS));
        Catalog catalog = assessments.catalogOf(assessment);
        List<CheckItem> items = FLAGGED.equals(checkItems)
                ? ItemVariables.flagged(task, catalog.items())
                : catalog.itemsOf(Step.valueOf(checkItems));
        Submission submission = Submission.of(task);
        // Every item the assessment tests needs a verdict; a delta's other items are left out, and a verdict sent for
        // one of them is refused as outside the scope.
        Set<String> tested = assessment.itemScope().isEmpty() ? null : assessment.itemScope();
        List<RawVerdict> submitted = items.stream()
                .filter(item -> tested == null || item.step() == Step.DOCUMENTATION || tested.contains(item.id())
                        || submission.raw(ItemVariables.verdict(item.id())) != null)
                .map(item -> new RawVerdict(item.id(), submission.raw(ItemVariables.verdict(item.id())),
                        submission.find(ItemVariables.observation(item.id())).orElse(null))).toList();
        String user = currentUser.of(task);
        if (Step.DOCUMENTATION.name().equals(checkItems)) {
            boolean complete = documentationReview.record(assessmentId, submitted,
                    submission.find(DOCUMENT_REQUEST).orElse(null), user);
            DOCUMENTATION_COMPLETE.setIfChanged(task, complete);
            // The scope gateway comes next: its routing comes from the assessment's row, not from variables a client
            // could have changed since the application.
            SCOPE_DEVICE.setIfChanged(task, assessment.covers(ProductComponent.DEVICE));
            SCOPE_APP.setIfChanged(task, assessment.covers(ProductComponent.APP));
            SCOPE_CLOUD.setIfChanged(task, assessment.covers(ProductComponent.CLOUD));
            if (tested != null) {
                // What the test forms show: a delta's items only.
                ITEMS_TO_TEST.setIfChanged(task, ItemIds.join(tested));
            }
            if (!complete) {
                documentsDue.setFromNow(task);
            }
        } else {
            verdicts.record(assessmentId, submitted, user);
            verdicts.recordMethod(assessmentId, FLAGGED.equals(checkItems) ? "RETEST" : checkItems,
                    submission.find(TEST_METHOD).orElse(null), user);
            TEST_METHOD.remove(task);
        }
        // Recorded in the app's tables (the data of record; not in the engine's history, ADR 11); a later form must
        // not find them pre-filled and have a stale verdict pass for a new one.
        items.forEach(item -> {
            ItemVariables.verdict(item.id()).remove(task);
            ItemVariables.observation(item.id()).remove(task);
        });
    }
}

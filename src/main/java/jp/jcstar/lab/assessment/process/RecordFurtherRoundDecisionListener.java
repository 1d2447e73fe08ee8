package jp.jcstar.lab.assessment.process;

import static jp.jcstar.lab.assessment.process.AssessmentVariables.*;

import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.decision.DecideFurtherRound;
import jp.jcstar.lab.assessment.FurtherRoundDecision;
import jp.jcstar.lab.engine.CurrentUser;
import jp.jcstar.lab.engine.Submission;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of userTask_decideFurtherRound: records the decision; one more round raises the retest limit. */
@Component
public class RecordFurtherRoundDecisionListener implements TaskListener {

    private final AssessmentRecords assessments;
    private final DecideFurtherRound furtherRound;
    private final CurrentUser currentUser;

    public RecordFurtherRoundDecisionListener(AssessmentRecords assessments, DecideFurtherRound furtherRound,
                                              CurrentUser currentUser) {
        this.assessments = assessments;
        this.furtherRound = furtherRound;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        long assessmentId = assessments.idOf(task.getProcessInstanceId());
        Submission submission = Submission.of(task);
        FurtherRoundDecision decision = furtherRound.decide(assessmentId,
                submission.find(FURTHER_ROUND_DECISION).orElse(null), submission.find(DECISION_REASON).orElse(null),
                currentUser.of(task));
        FURTHER_ROUND_GRANTED.set(task, decision == FurtherRoundDecision.EXTEND);
        RETEST_LIMIT.set(task, assessments.get(assessmentId).retestLimit());
        FURTHER_ROUND_DECISION.remove(task);
        DECISION_REASON.remove(task);
    }
}

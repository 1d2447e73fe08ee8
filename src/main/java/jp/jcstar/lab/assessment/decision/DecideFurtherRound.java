package jp.jcstar.lab.assessment.decision;

import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentEventRepository;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FurtherRoundDecision;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A lab manager's decision after the retest limit; one more round raises the limit by one. */
@Service
@Transactional
public class DecideFurtherRound {

    private final AssessmentRepository assessments;
    private final AssessmentEventRepository events;
    private final DecisionLog decisions;
    private final LabClock clock;

    public DecideFurtherRound(AssessmentRepository assessments, AssessmentEventRepository events,
                              DecisionLog decisions, LabClock clock) {
        this.assessments = assessments;
        this.events = events;
        this.decisions = decisions;
        this.clock = clock;
    }

    public FurtherRoundDecision decide(long assessmentId, String decision, String reason, String manager) {
        FurtherRoundDecision further = FurtherRoundDecision.parse(decision);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Bilingual.of("判断の理由を「理由」に書いてから完了してください。製造事業者にも"
                    + "伝わります。", "A reason is required. Write it in “Reason”, then complete; the manufacturer reads "
                    + "it too."));
        }
        if (further == FurtherRoundDecision.EXTEND) {
            assessments.raiseRetestLimit(assessmentId);
        }
        events.add(assessmentId, AssessmentEvent.Kind.FURTHER_ROUND, further.name(), manager, reason.strip(), clock.now());
        decisions.record(manager, assessments.get(assessmentId), "FURTHER_ROUND", Map.of("decision", further));
        return further;
    }
}

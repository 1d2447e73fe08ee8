package jp.jcstar.lab.assessment.decision;

import static jp.jcstar.lab.assessment.FreeText.MAX_LENGTH;

import java.time.OffsetDateTime;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentEventRepository;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.notice.AssessmentMails;
import jp.jcstar.lab.findings.FindingsLifecycle;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An assessment ends: completed with its final report, terminated after the retest limit, withdrawn or cancelled. */
@Service
@Transactional
public class EndAssessment {

    private static final Logger log = LoggerFactory.getLogger(EndAssessment.class);

    private final AssessmentRepository assessments;
    private final AssessmentEventRepository events;
    private final FindingsLifecycle findings;
    private final DecisionLog decisions;
    private final LabClock clock;
    private final AssessmentMails mails;

    public EndAssessment(AssessmentRepository assessments, AssessmentEventRepository events,
                         FindingsLifecycle findings, DecisionLog decisions, LabClock clock,
                        AssessmentMails mails) {
        this.assessments = assessments;
        this.events = events;
        this.findings = findings;
        this.decisions = decisions;
        this.clock = clock;
        this.mails = mails;
    }

    public void complete(long assessmentId) {
        end(assessmentId, AssessmentStatus.COMPLETED, null);
        mails.completed(assessments.get(assessmentId));
    }

    /** Ends the assessment as failed, for the reason of the lab manager's decision. */
    public void terminate(long assessmentId) {
        String reason = events.list(assessmentId).stream()
                .filter(event -> event.kind() == AssessmentEvent.Kind.FURTHER_ROUND)
                .reduce((first, second) -> second).map(AssessmentEvent::text).orElse(null);
        end(assessmentId, AssessmentStatus.TERMINATED, reason);
        mails.terminated(assessments.get(assessmentId));
    }

    /**
     * Ends an assessment that is still running before its outcome: withdrawn by its manufacturer or cancelled by a
     * lab manager. Its row is locked first, so that of two such requests at once the second finds it ended (409).
     */
    public Assessment endEarly(long assessmentId, AssessmentStatus status, String user, String reason) {
        Assessment assessment = assessments.lock(assessmentId);
        if (assessment.status() != AssessmentStatus.IN_PROGRESS) {
            throw new ConflictException(Bilingual.of(assessment.reference() + " は既に終わっています（" + assessment.status()
                    + "）。", assessment.reference() + " is already " + assessment.status() + ".").toString());
        }
        String why = FreeText.strippedOrNull(reason);
        if (why != null && (why.length() > MAX_LENGTH || ControlCharacters.present(why))) {
            throw new InvalidInputException(Bilingual.of("理由は" + MAX_LENGTH + "文字以内の普通の文字で書いてください。",
                    "Reason: plain text of at most " + MAX_LENGTH + " characters."));
        }
        end(assessmentId, status, why);
        decisions.record(user, assessment, status.name(), why == null ? Map.of() : Map.of("reason", why));
        return assessments.get(assessmentId);
    }

    private void end(long assessmentId, AssessmentStatus status, String reason) {
        OffsetDateTime now = clock.now();
        assessments.end(assessmentId, status, reason, now);
        findings.closeAll(assessmentId, now);
        log.info("Assessment {} {}", assessments.get(assessmentId).reference(), status);
    }
}

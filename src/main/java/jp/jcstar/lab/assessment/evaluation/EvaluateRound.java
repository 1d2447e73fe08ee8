package jp.jcstar.lab.assessment.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.RoundEvaluation;
import jp.jcstar.lab.assessment.RoundOutcome;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.findings.FindingsLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes the current round: which items fail now, and what the retests of the previous round's findings showed. */
@Service
@Transactional
public class EvaluateRound {

    private static final Logger log = LoggerFactory.getLogger(EvaluateRound.class);

    private final AssessmentRecords records;
    private final TestRoundRepository rounds;
    private final FindingsLifecycle findings;
    private final LabClock clock;

    public EvaluateRound(AssessmentRecords records, TestRoundRepository rounds, FindingsLifecycle findings,
                         LabClock clock) {
        this.records = records;
        this.rounds = rounds;
        this.findings = findings;
        this.clock = clock;
    }

    public RoundEvaluation evaluate(long assessmentId) {
        Assessment assessment = records.get(assessmentId);
        int round = assessment.currentRound();
        Map<String, CheckResult> latest = records.latestResults(assessmentId);
        List<String> inScope = records.itemsInScope(assessment).stream().map(CheckItem::id).toList();
        List<String> missing = inScope.stream().filter(id -> !latest.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(assessment.reference() + " round " + round + " has no verdict for " + missing);
        }
        OffsetDateTime now = clock.now();
        findings.recordRetests(assessmentId, round, latest, now);
        List<String> failed = inScope.stream().filter(id -> latest.get(id).verdict() == Verdict.FAIL).toList();
        rounds.evaluate(assessmentId, round, RoundOutcome.of(failed.isEmpty()), now);
        log.info("Assessment {} round {} evaluated: {}", assessment.reference(), round,
                failed.isEmpty() ? "all items pass" : "failed " + failed);
        int failedRetests = (int) rounds.list(assessmentId).stream()
                .filter(r -> r.roundNo() > 1 && r.outcome() == RoundOutcome.FAILED).count();
        return new RoundEvaluation(round, failed, failedRetests);
    }
}

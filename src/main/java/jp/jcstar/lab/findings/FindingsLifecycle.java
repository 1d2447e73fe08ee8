package jp.jcstar.lab.findings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.RoundOutcome;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.catalog.Catalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A finding's life, the one place that changes findings (their repository's writes are package-private): opened for
 * an item that fails a round, sent to the manufacturer with the round's issue list, answered, retested, closed when
 * the assessment ends. The use cases of evaluation, rectification and decisions call it.
 */
@Service
@Transactional
public class FindingsLifecycle {

    private final FindingRepository findings;
    private final AssessmentRecords records;

    public FindingsLifecycle(FindingRepository findings, AssessmentRecords records) {
        this.findings = findings;
        this.records = records;
    }

    /** Each item failing in the current round becomes an open finding due at the given date. */
    public List<Finding> openForFailedItems(long assessmentId, OffsetDateTime dueDate, OffsetDateTime now) {
        Assessment assessment = records.get(assessmentId);
        Catalog catalog = records.catalogOf(assessment);
        records.latestResults(assessmentId).values().stream()
                .filter(result -> result.verdict() == Verdict.FAIL)
                .forEach(result -> findings.open(assessmentId, assessment.currentRound(), result.itemId(),
                        result.observation(), catalog.get(result.itemId()).requirement(), dueDate, now));
        return findings.listRound(assessmentId, assessment.currentRound());
    }

    /** The round's findings went to the manufacturer with its issue list. */
    public void sendToManufacturer(long assessmentId, int round, OffsetDateTime now) {
        findings.markSent(assessmentId, round, now);
    }

    /** The manufacturer's response to each finding, by item. */
    public void answer(List<Finding> answered, Map<String, String> responses, OffsetDateTime now) {
        answered.forEach(finding -> findings.answer(finding.id(), responses.get(finding.itemId()).strip(), now));
    }

    /** Each answered finding of the round before gets the outcome of its retest: passed unless the item fails now. */
    public void recordRetests(long assessmentId, int retestRound, Map<String, CheckResult> latest, OffsetDateTime now) {
        for (Finding finding : findings.listRound(assessmentId, retestRound - 1)) {
            if (finding.status() == FindingStatus.ANSWERED) {
                findings.recordRetest(finding.id(),
                        RoundOutcome.of(latest.get(finding.itemId()).verdict() != Verdict.FAIL), now);
            }
        }
    }

    /** The assessment ended: nothing stays open. */
    public void closeAll(long assessmentId, OffsetDateTime now) {
        findings.closeAll(assessmentId, now);
    }
}

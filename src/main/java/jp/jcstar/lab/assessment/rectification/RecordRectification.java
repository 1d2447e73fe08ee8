package jp.jcstar.lab.assessment.rectification;

import static jp.jcstar.lab.assessment.FreeText.MAX_LENGTH;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Application;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.Rectification;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.findings.FindingsLifecycle;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 5: takes the manufacturer's rectification. Every finding of the current round needs a response; the next
 * round opens on the submitted versions (the previous ones where none is given, {@link Versions#orPrevious}).
 */
@Service
@Transactional
public class RecordRectification {

    private final AssessmentRecords records;
    private final AssessmentRepository assessments;
    private final TestRoundRepository rounds;
    private final FindingRepository findings;
    private final FindingsLifecycle lifecycle;
    private final DecisionLog decisions;
    private final LabClock clock;

    public RecordRectification(AssessmentRecords records, AssessmentRepository assessments, TestRoundRepository rounds,
                               FindingRepository findings, FindingsLifecycle lifecycle, DecisionLog decisions,
                               LabClock clock) {
        this.records = records;
        this.assessments = assessments;
        this.rounds = rounds;
        this.findings = findings;
        this.lifecycle = lifecycle;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** @return the round the rectification opens */
    public int record(long assessmentId, Rectification rectification, String user) {
        Assessment assessment = records.get(assessmentId);
        List<Finding> toAnswer = findings.listRound(assessmentId, assessment.currentRound()).stream()
                .filter(finding -> finding.status().isOpen()).toList();
        Catalog catalog = records.catalogOf(assessment);
        List<Bilingual> problems = new ArrayList<>();
        for (Finding finding : toAnswer) {
            Bilingual item = catalog.get(finding.itemId()).name();
            String response = rectification.responses().get(finding.itemId());
            if (response == null || response.isBlank()) {
                problems.add(Bilingual.of(item.ja() + ": 指摘への回答を書いてください（何をどう直したか）。",
                        item.en() + ": a response to the finding is required. Say what you fixed."));
            } else if (response.length() > MAX_LENGTH) {
                problems.add(Bilingual.of(item.ja() + ": 回答が" + MAX_LENGTH + "文字を超えています。短くしてください。",
                        item.en() + ": the response is longer than " + MAX_LENGTH + " characters. Shorten it."));
            }
        }
        Versions versions = rectification.versions().orPrevious(assessment.versions());
        requireShort(Bilingual.of("ファームウェアバージョン", "Firmware version"), versions.firmware(), problems);
        requireShort(Bilingual.of("アプリバージョン", "App version"), versions.app(), problems);
        requireShort(Bilingual.of("クラウドバージョン", "Cloud version"), versions.cloud(), problems);
        String changedDocuments = FreeText.strippedOrNull(rectification.changedDocuments());
        if (changedDocuments != null && changedDocuments.length() > MAX_LENGTH) {
            problems.add(Bilingual.of("変更した文書: " + MAX_LENGTH + "文字以内にしてください。",
                    "Changed documents: at most " + MAX_LENGTH + " characters. Shorten it."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        OffsetDateTime now = clock.now();
        lifecycle.answer(toAnswer, rectification.responses(), now);
        int next = assessment.currentRound() + 1;
        rounds.open(assessmentId, next, versions, changedDocuments, now);
        assessments.startRound(assessmentId, next, versions);
        decisions.record(user, assessment, "RECTIFICATION", Map.of("answered", toAnswer.size(), "opensRound", next));
        return next;
    }

    /** A version the manufacturer submitted may be as long as an applied one (the previous ones were applied). */
    private static void requireShort(Bilingual field, String version, List<Bilingual> problems) {
        if (version != null && version.length() > Application.MAX_TEXT) {
            problems.add(Bilingual.of(field.ja() + ": " + Application.MAX_TEXT + "文字以内にしてください。",
                    field.en() + ": at most " + Application.MAX_TEXT + " characters. Shorten it."));
        }
    }
}

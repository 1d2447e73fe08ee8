package jp.jcstar.lab.assessment.testing;

import static jp.jcstar.lab.assessment.FreeText.MAX_LENGTH;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.CheckResultRepository;
import jp.jcstar.lab.assessment.DecisionLog;
import jp.jcstar.lab.assessment.FreeText;
import jp.jcstar.lab.assessment.RawVerdict;
import jp.jcstar.lab.assessment.TestMethodRepository;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.findings.FindingStatus;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Steps 1 to 4 and the retests: an engineer's verdicts of the current round. FAIL and NA need an observation; an
 * item outside the assessment's scope is refused; everything is checked before anything is written.
 */
@Service
@Transactional
public class RecordVerdicts {

    private final AssessmentRecords records;
    private final CheckResultRepository results;
    private final FindingRepository findings;
    private final DecisionLog decisions;
    private final LabClock clock;

    private final TestMethodRepository methods;

    public RecordVerdicts(AssessmentRecords records, CheckResultRepository results, FindingRepository findings,
                          DecisionLog decisions, LabClock clock, TestMethodRepository methods) {
        this.methods = methods;
        this.records = records;
        this.results = results;
        this.findings = findings;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Maximum length of a step's method, tools and environment. */
    static final int MAX_METHOD = 2000;

    /**
     * How the engineer tested a step of the current round (method, tools, environment, samples), printed in the final
     * report; nothing when left empty.
     */
    public void recordMethod(long assessmentId, String step, String method, String user) {
        String text = FreeText.strippedOrNull(method);
        if (text == null) {
            return;
        }
        if (text.length() > MAX_METHOD || jp.jcstar.lab.ControlCharacters.present(text)) {
            throw new InvalidInputException(Bilingual.of("試験方法・ツール・環境は " + MAX_METHOD + " 文字以内の普通の文字で書いてください。",
                    "Method, tools and environment: plain text of at most " + MAX_METHOD + " characters."));
        }
        methods.insert(assessmentId, records.get(assessmentId).currentRound(), step, text, user, clock.now());
    }

    public List<CheckResult> record(long assessmentId, List<RawVerdict> submitted, String user) {
        // One recording at a time per assessment: revisions are numbered in turn, and of two people completing the
        // same task at once the second waits here, then loses on the engine's task revision (409).
        Assessment assessment = records.lock(assessmentId);
        Set<String> inScope = records.itemsInScope(assessment).stream().map(CheckItem::id).collect(Collectors.toSet());
        Set<String> beingRetested = assessment.currentRound() == 1 ? Set.of()
                : findings.listRound(assessmentId, assessment.currentRound() - 1).stream()
                .filter(finding -> finding.status() == FindingStatus.ANSWERED).map(Finding::itemId)
                .collect(Collectors.toSet());
        Catalog catalog = records.catalogOf(assessment);
        OffsetDateTime now = clock.now();
        List<Bilingual> problems = new ArrayList<>();
        List<CheckResult> recorded = new ArrayList<>();
        for (RawVerdict raw : submitted) {
            Bilingual item = catalog.find(raw.itemId()).map(CheckItem::name)
                    .orElse(Bilingual.of(raw.itemId(), raw.itemId()));
            Optional<Bilingual> problem = problem(assessment, raw, item, inScope, beingRetested);
            if (problem.isPresent()) {
                problems.add(problem.get());
            } else {
                recorded.add(new CheckResult(assessment.currentRound(), raw.itemId(), 0, Verdict.of(raw.verdict()).get(),
                        FreeText.strippedOrNull(raw.observation()), user, now));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        if (!recorded.isEmpty()) {
            results.saveAll(assessmentId, recorded);
        }
        decisions.record(user, assessment, "VERDICTS", Map.of("round", assessment.currentRound(), "items",
                recorded.size(), "failed", recorded.stream().filter(r -> r.verdict() == Verdict.FAIL)
                        .map(CheckResult::itemId).toList()));
        return recorded;
    }

    /** What is wrong with one submitted verdict, in words the engineer can act on. */
    private static Optional<Bilingual> problem(Assessment assessment, RawVerdict raw, Bilingual item,
                                               Set<String> inScope, Set<String> beingRetested) {
        Optional<Verdict> verdict = Verdict.of(raw.verdict());
        String observation = FreeText.strippedOrNull(raw.observation());
        int previousRound = assessment.currentRound() - 1;
        if (!inScope.contains(raw.itemId())) {
            return Optional.of(Bilingual.of(item.ja() + ": " + assessment.reference() + " の評価範囲外の項目です。この項目の"
                    + "判定は送らないでください。", item.en() + ": not in the scope of " + assessment.reference()
                    + "; leave its verdict out."));
        } else if (raw.verdict() == null || raw.verdict().toString().isBlank()) {
            return Optional.of(Bilingual.of(item.ja() + ": 判定（合格 PASS・不合格 FAIL・対象外 NA）を選んでください。",
                    item.en() + ": a verdict is required (PASS, FAIL or NA). Choose one."));
        } else if (verdict.isEmpty()) {
            return Optional.of(Bilingual.of(item.ja() + ": 判定は PASS, FAIL, NA のいずれかです（「" + raw.verdict()
                    + "」は選べません）。", item.en() + ": must be one of PASS, FAIL, NA, was '" + raw.verdict()
                    + "'. Choose one of them."));
        } else if (verdict.get() == Verdict.NA && beingRetested.contains(raw.itemId())) {
            return Optional.of(Bilingual.of(item.ja() + ": 第" + previousRound + "ラウンドで不合格となり、是正された"
                    + "項目です。再試験の判定は合格（PASS）か不合格（FAIL）にしてください。", item.en() + ": failed in round "
                    + previousRound + " and was rectified; its retest must be PASS or FAIL."));
        } else if (verdict.get() == Verdict.FAIL && observation == null) {
            return Optional.of(Bilingual.of(item.ja() + ": 不合格（FAIL）には所見が必要です。所見を記入してから完了して"
                    + "ください。", item.en() + ": a FAIL needs an observation. Write what you observed, then complete."));
        } else if (verdict.get() == Verdict.NA && observation == null) {
            return Optional.of(Bilingual.of(item.ja() + ": 対象外（NA）には所見が必要です。対象外とした理由を記入してから"
                    + "完了してください。", item.en() + ": an NA needs an observation. Write why the item does not "
                    + "apply, then complete."));
        } else if (observation != null && observation.length() > MAX_LENGTH) {
            return Optional.of(Bilingual.of(item.ja() + ": 所見が" + MAX_LENGTH + "文字を超えています。短くしてから"
                    + "完了してください。", item.en() + ": the observation is longer than " + MAX_LENGTH
                    + " characters. Shorten it, then complete."));
        }
        return Optional.empty();
    }
}

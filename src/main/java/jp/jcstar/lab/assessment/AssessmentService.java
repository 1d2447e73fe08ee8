package jp.jcstar.lab.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CatalogRepository;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.company.CompanyRepository;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.findings.FindingStatus;
import jp.jcstar.lab.notifications.NotificationRepository;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.ControlCharacters;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab's use cases on an assessment. The process's delegates call these; each validates everything before it
 * writes anything, so a refused input changes nothing.
 */
@Service
@Transactional
public class AssessmentService {

    static final int MAX_OBSERVATION = 4000;
    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final AssessmentRepository assessments;
    private final TestRoundRepository rounds;
    private final CheckResultRepository results;
    private final FindingRepository findings;
    private final NotificationRepository notifications;
    private final AssessmentEventRepository events;
    private final CatalogRepository catalogs;
    private final LabClock clock;
    private final LabProperties lab;
    private final SecurityAudit audit;
    private final CompanyRepository companies;
    private final SuppliedDocuments suppliedDocuments;

    public AssessmentService(AssessmentRepository assessments, TestRoundRepository rounds,
                             CheckResultRepository results, FindingRepository findings,
                             NotificationRepository notifications, AssessmentEventRepository events,
                             CatalogRepository catalogs, LabClock clock, LabProperties lab, SecurityAudit audit,
                             CompanyRepository companies, SuppliedDocuments suppliedDocuments) {
        this.suppliedDocuments = suppliedDocuments;
        this.companies = companies;
        this.assessments = assessments;
        this.rounds = rounds;
        this.results = results;
        this.findings = findings;
        this.notifications = notifications;
        this.events = events;
        this.catalogs = catalogs;
        this.clock = clock;
        this.lab = lab;
        this.audit = audit;
    }

    /**
     * Stores a new assessment on the current catalog and opens round 1 on the applied versions.
     *
     * @param companyId the manufacturer company (its tenant); null only for an assessment the app starts itself
     */
    public Assessment register(Application applied, String companyId, String appliedBy, String processInstanceId) {
        Application application = companyId == null ? applied : applied.registeredAs(companies.find(companyId)
                .orElseThrow(() -> new InvalidInputException(Bilingual.of("登録事業者ID「" + companyId + "」の事業者は"
                        + "登録されていません。試験所が登録した事業者のIDを入力してください。", "Registered company id: "
                        + companyId + " is not a registered company; enter the id of one the lab registered.")))
                .name());
        if (application.manufacturer() == null) {
            throw new InvalidInputException(Bilingual.of("申請する事業者の登録事業者IDを入力してください。",
                    "Registered company id: name the registered company the application is for."));
        }
        OffsetDateTime now = clock.now();
        long id = assessments.insert(application, companyId, catalogs.current().version(), lab.retestLimit(),
                appliedBy, processInstanceId, now);
        rounds.open(id, 1, application.firmwareVersion(), application.appVersion(), application.cloudVersion(), null, now);
        Assessment assessment = assessments.get(id);
        decision(appliedBy, assessment, "APPLIED", Map.of("manufacturer", application.manufacturer(),
                "product", application.productName()));
        return assessment;
    }

    /**
     * The assessment a process instance runs, from the app's table. Delegates use this rather than the assessmentId
     * variable, which a client completing a task could overwrite.
     */
    public long idOf(String processInstanceId) {
        return assessments.findByProcessInstance(processInstanceId).map(Assessment::id).orElseThrow(() ->
                new IllegalStateException("No assessment belongs to process instance " + processInstanceId));
    }

    public Assessment get(long assessmentId) {
        return assessments.get(assessmentId);
    }

    /** The assessment, its row locked until the caller's transaction ends: changes to it then happen one at a time. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Assessment lock(long assessmentId) {
        return assessments.lock(assessmentId);
    }

    public Catalog catalogOf(Assessment assessment) {
        return catalogs.version(assessment.catalogVersion());
    }

    /** The items this assessment judges: the documents always, and the steps of the components in scope. */
    public List<CheckItem> itemsInScope(Assessment assessment) {
        Set<Step> steps = Stream.concat(Stream.of(Step.DOCUMENTATION), assessment.scope().stream().map(ProductComponent::step))
                .collect(Collectors.toSet());
        return catalogOf(assessment).items().stream().filter(item -> steps.contains(item.step())).toList();
    }

    /**
     * Records verdicts of the current round. FAIL and NA need an observation; an item outside the assessment's
     * scope is refused.
     */
    public List<CheckResult> recordVerdicts(long assessmentId, List<RawVerdict> submitted, String user) {
        // One recording at a time per assessment: revisions are numbered in turn, and of two people completing the
        // same task at once the second waits here, then loses on the engine's task revision (409).
        Assessment assessment = assessments.lock(assessmentId);
        Set<String> inScope = itemsInScope(assessment).stream().map(CheckItem::id).collect(Collectors.toSet());
        Set<String> beingRetested = findings.listRound(assessmentId, assessment.currentRound() - 1).stream()
                .filter(finding -> finding.status() == FindingStatus.ANSWERED).map(Finding::itemId)
                .collect(Collectors.toSet());
        Catalog catalog = catalogOf(assessment);
        OffsetDateTime now = clock.now();
        List<Bilingual> problems = new ArrayList<>();
        List<CheckResult> recorded = new ArrayList<>();
        for (RawVerdict raw : submitted) {
            Bilingual item = catalog.find(raw.itemId()).map(CheckItem::name)
                    .orElse(Bilingual.of(raw.itemId(), raw.itemId()));
            Optional<Verdict> verdict = Verdict.of(raw.verdict());
            String observation = raw.observation() == null || raw.observation().isBlank() ? null : raw.observation().strip();
            if (!inScope.contains(raw.itemId())) {
                problems.add(Bilingual.of(item.ja() + ": " + assessment.reference() + " の評価範囲外の項目です。この項目の判定は"
                        + "送らないでください。", item.en() + ": not in the scope of " + assessment.reference()
                        + "; leave its verdict out."));
            } else if (raw.verdict() == null || raw.verdict().toString().isBlank()) {
                problems.add(Bilingual.of(item.ja() + ": 判定（合格 PASS・不合格 FAIL・対象外 NA）を選んでください。",
                        item.en() + ": a verdict is required (PASS, FAIL or NA). Choose one."));
            } else if (verdict.isEmpty()) {
                problems.add(Bilingual.of(item.ja() + ": 判定は PASS, FAIL, NA のいずれかです（「" + raw.verdict() + "」は選べません）。",
                        item.en() + ": must be one of PASS, FAIL, NA, was '" + raw.verdict() + "'. Choose one of them."));
            } else if (verdict.get() == Verdict.NA && beingRetested.contains(raw.itemId())) {
                problems.add(Bilingual.of(item.ja() + ": 第" + (assessment.currentRound() - 1) + "ラウンドで不合格となり、是正された"
                        + "項目です。再試験の判定は合格（PASS）か不合格（FAIL）にしてください。", item.en() + ": failed in round "
                        + (assessment.currentRound() - 1) + " and was rectified; its retest must be PASS or FAIL."));
            } else if (verdict.get() == Verdict.FAIL && observation == null) {
                problems.add(Bilingual.of(item.ja() + ": 不合格（FAIL）には所見が必要です。所見を記入してから完了してください。",
                        item.en() + ": a FAIL needs an observation. Write what you observed, then complete."));
            } else if (verdict.get() == Verdict.NA && observation == null) {
                problems.add(Bilingual.of(item.ja() + ": 対象外（NA）には所見が必要です。対象外とした理由を記入してから完了してください。",
                        item.en() + ": an NA needs an observation. Write why the item does not apply, then complete."));
            } else if (observation != null && observation.length() > MAX_OBSERVATION) {
                problems.add(Bilingual.of(item.ja() + ": 所見が" + MAX_OBSERVATION + "文字を超えています。短くしてから完了してください。",
                        item.en() + ": the observation is longer than " + MAX_OBSERVATION + " characters. Shorten it, "
                        + "then complete."));
            } else {
                recorded.add(new CheckResult(assessment.currentRound(), raw.itemId(), 0, verdict.get(), observation, user, now));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        recorded.forEach(result -> results.save(assessmentId, result));
        decision(user, assessment, "VERDICTS", Map.of("round", assessment.currentRound(), "items", recorded.size(),
                "failed", recorded.stream().filter(r -> r.verdict() == Verdict.FAIL).map(CheckResult::itemId).toList()));
        return recorded;
    }

    /**
     * Records the documentation review. Any FAIL means the documents are incomplete, and then the engineer must say
     * what the manufacturer has to supply.
     *
     * @return whether the documentation is complete
     */
    public boolean recordDocumentationReview(long assessmentId, List<RawVerdict> submitted, String documentRequest,
                                             String user) {
        boolean incomplete = submitted.stream().anyMatch(raw -> Verdict.FAIL.name().equals(String.valueOf(raw.verdict())));
        if (incomplete && (documentRequest == null || documentRequest.isBlank())) {
            throw new InvalidInputException(Bilingual.of("不合格（FAIL）とした文書について、製造事業者に提出してほしいものを"
                    + "「製造事業者への依頼事項」に書いてから完了してください。", "Say in “What the manufacturer must supply” "
                    + "what is needed for the documents marked FAIL, then complete."));
        }
        Set<String> supplied = suppliedDocuments.itemsWithDocument(assessmentId);
        Catalog catalog = catalogOf(assessments.get(assessmentId));
        List<Bilingual> passedUnseen = submitted.stream()
                .filter(raw -> Verdict.PASS.name().equals(String.valueOf(raw.verdict())) && !supplied.contains(raw.itemId()))
                .map(raw -> catalog.get(raw.itemId()).name()).toList();
        if (!passedUnseen.isEmpty()) {
            throw new InvalidInputException(Bilingual.of(passedUnseen.stream().map(Bilingual::ja).collect(Collectors.joining("、"))
                    + ": 文書が提出されていないため、合格（PASS）にはできません。不合格（FAIL）にして、不足しているものを"
                    + "「製造事業者への依頼事項」に書いてください。", passedUnseen.stream().map(Bilingual::en)
                    .collect(Collectors.joining(", ")) + ": no document was supplied, so it cannot PASS. Mark it FAIL "
                    + "and say what is missing in “What the manufacturer must supply”."));
        }
        recordVerdicts(assessmentId, submitted, user);
        if (incomplete) {
            events.add(assessmentId, AssessmentEvent.Kind.DOCUMENT_REQUEST, null, user, documentRequest.strip(), clock.now());
        }
        return !incomplete;
    }

    /**
     * The manufacturer's answer to the lab's request for documents (and its first supply after applying): every DOC
     * item has a document, or the answer names the item and says why it is missing.
     */
    public void recordDocumentsSupplied(long assessmentId, String supplied, String user) {
        if (supplied == null || supplied.isBlank()) {
            throw new InvalidInputException(Bilingual.of("提出した文書を「提出内容」に書いてから完了してください。",
                    "Say in “What you supplied” which documents you supplied, then complete."));
        }
        if (supplied.length() > MAX_OBSERVATION) {
            throw new InvalidInputException(Bilingual.of("「提出内容」が" + MAX_OBSERVATION + "文字を超えています。短くしてから"
                    + "完了してください。", "“What you supplied” is longer than " + MAX_OBSERVATION + " characters. "
                    + "Shorten it, then complete."));
        }
        Set<String> withDocument = suppliedDocuments.itemsWithDocument(assessmentId);
        List<String> unexplained = catalogOf(assessments.get(assessmentId)).itemsOf(Step.DOCUMENTATION).stream()
                .map(CheckItem::id).filter(id -> !withDocument.contains(id) && !supplied.contains(id)).toList();
        if (!unexplained.isEmpty()) {
            String items = String.join(", ", unexplained);
            throw new InvalidInputException(Bilingual.of(items + " の文書がありません。文書ページからアップロードするか、"
                    + "「提出内容」に項目ID（例: " + unexplained.get(0) + "）を挙げて、まだ提出できない理由を書いてください。",
                    "No document for " + items + ". Upload each on the documents page, or name the item (e.g. "
                    + unexplained.get(0) + ") in “What you supplied” and say why it is missing."));
        }
        events.add(assessmentId, AssessmentEvent.Kind.DOCUMENTS_SUPPLIED, null, user, supplied.strip(), clock.now());
        decision(user, assessments.get(assessmentId), "DOCUMENTS_SUPPLIED", Map.of());
    }

    /** Closes the current round: which items fail now, and what the retests of the previous round's findings showed. */
    public RoundEvaluation evaluateRound(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        int round = assessment.currentRound();
        Map<String, CheckResult> latest = latestResults(assessmentId);
        List<String> inScope = itemsInScope(assessment).stream().map(CheckItem::id).toList();
        List<String> missing = inScope.stream().filter(id -> !latest.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(assessment.reference() + " round " + round + " has no verdict for " + missing);
        }
        OffsetDateTime now = clock.now();
        for (Finding finding : findings.listRound(assessmentId, round - 1)) {
            if (finding.status() == FindingStatus.ANSWERED) {
                findings.recordRetest(finding.id(), latest.get(finding.itemId()).verdict() != Verdict.FAIL, now);
            }
        }
        List<String> failed = inScope.stream().filter(id -> latest.get(id).verdict() == Verdict.FAIL).toList();
        rounds.evaluate(assessmentId, round, failed.isEmpty(), now);
        log.info("Assessment {} round {} evaluated: {}", assessment.reference(), round,
                failed.isEmpty() ? "all items pass" : "failed " + failed);
        int failedRetests = (int) rounds.list(assessmentId).stream()
                .filter(r -> r.roundNo() > 1 && "FAILED".equals(r.outcome())).count();
        return new RoundEvaluation(round, failed, failedRetests);
    }

    /** Each item failing in the current round becomes an open finding due at the given date. */
    public List<Finding> recordFindings(long assessmentId, OffsetDateTime dueDate) {
        Assessment assessment = assessments.get(assessmentId);
        Catalog catalog = catalogOf(assessment);
        OffsetDateTime now = clock.now();
        latestResults(assessmentId).values().stream()
                .filter(result -> result.verdict() == Verdict.FAIL)
                .forEach(result -> findings.open(assessmentId, assessment.currentRound(), result.itemId(),
                        result.observation(), catalog.get(result.itemId()).requirement(), dueDate, now));
        return findings.listRound(assessmentId, assessment.currentRound());
    }

    /**
     * Takes the manufacturer's rectification: every finding of the current round needs a response. Opens the next
     * round on the submitted versions.
     */
    public int recordRectification(long assessmentId, Rectification rectification, String user) {
        Assessment assessment = assessments.get(assessmentId);
        List<Finding> toAnswer = findings.listRound(assessmentId, assessment.currentRound()).stream()
                .filter(finding -> finding.status().isOpen()).toList();
        Catalog catalog = catalogOf(assessment);
        List<Bilingual> problems = new ArrayList<>();
        for (Finding finding : toAnswer) {
            Bilingual item = catalog.get(finding.itemId()).name();
            String response = rectification.responses().get(finding.itemId());
            if (response == null || response.isBlank()) {
                problems.add(Bilingual.of(item.ja() + ": 指摘への回答を書いてください（何をどう直したか）。",
                        item.en() + ": a response to the finding is required. Say what you fixed."));
            } else if (response.length() > MAX_OBSERVATION) {
                problems.add(Bilingual.of(item.ja() + ": 回答が" + MAX_OBSERVATION + "文字を超えています。短くしてください。",
                        item.en() + ": the response is longer than " + MAX_OBSERVATION + " characters. Shorten it."));
            }
        }
        String firmware = orPrevious(Bilingual.of("ファームウェアバージョン", "Firmware version"),
                rectification.firmwareVersion(), assessment.firmwareVersion(), problems);
        String app = orPrevious(Bilingual.of("アプリバージョン", "App version"), rectification.appVersion(),
                assessment.appVersion(), problems);
        String cloud = orPrevious(Bilingual.of("クラウドバージョン", "Cloud version"), rectification.cloudVersion(),
                assessment.cloudVersion(), problems);
        String changedDocuments = rectification.changedDocuments() == null || rectification.changedDocuments().isBlank()
                ? null : rectification.changedDocuments().strip();
        if (changedDocuments != null && changedDocuments.length() > MAX_OBSERVATION) {
            problems.add(Bilingual.of("変更した文書: " + MAX_OBSERVATION + "文字以内にしてください。",
                    "Changed documents: at most " + MAX_OBSERVATION + " characters. Shorten it."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Bilingual.join(problems));
        }
        OffsetDateTime now = clock.now();
        toAnswer.forEach(finding -> findings.answer(finding.id(), rectification.responses().get(finding.itemId()).strip(), now));
        int next = assessment.currentRound() + 1;
        rounds.open(assessmentId, next, firmware, app, cloud, changedDocuments, now);
        assessments.startRound(assessmentId, next, firmware, app, cloud);
        decision(user, assessment, "RECTIFICATION", Map.of("answered", toAnswer.size(), "opensRound", next));
        return next;
    }

    /**
     * The four-eyes rule: nobody who recorded a verdict in this assessment may review its report.
     */
    public void requireIndependentReviewer(long assessmentId, String reviewer) {
        if (reviewer == null) {
            throw new ForbiddenException(Bilingual.of("報告書のレビューは、ログインしたレビュアーが行います。ログインしてから"
                    + "判断してください。", "The report review needs a known reviewer; log in before deciding."));
        }
        if (results.testers(assessmentId).contains(reviewer)) {
            String reference = assessments.get(assessmentId).reference();
            throw new ForbiddenException(Bilingual.of("四つの目の原則: " + reviewer + " さんは " + reference + " で判定を記録"
                    + "したため、この報告書をレビューできません。試験に関わっていない別のレビュアーに任せてください。",
                    "Four eyes: " + reviewer + " recorded verdicts in " + reference + " and may not review its report. "
                    + "Leave the review to a reviewer who did not test this product."));
        }
    }

    /** The reviewer's decision; an approval is recorded on the assessment, a rejection needs a reason. */
    public ReviewDecision recordReview(long assessmentId, String reviewer, String decision, String rejectionReason) {
        requireIndependentReviewer(assessmentId, reviewer);
        ReviewDecision review = ReviewDecision.parse(decision);
        if (review == ReviewDecision.REJECT && (rejectionReason == null || rejectionReason.isBlank())) {
            throw new InvalidInputException(Bilingual.of("差し戻すには理由が必要です。「差し戻し理由」を書いてから完了して"
                    + "ください。", "A reason is required to send the report back. Write it in “Reason for sending "
                    + "back”, then complete."));
        }
        OffsetDateTime now = clock.now();
        if (review == ReviewDecision.APPROVE) {
            assessments.recordReview(assessmentId, reviewer, now);
        }
        events.add(assessmentId, AssessmentEvent.Kind.REPORT_REVIEW, review.name(), reviewer,
                rejectionReason == null || rejectionReason.isBlank() ? null : rejectionReason.strip(), now);
        decision(reviewer, assessments.get(assessmentId), "REPORT_REVIEW", Map.of("decision", review));
        return review;
    }

    /** A lab manager's decision after the retest limit; one more round raises the limit by one. */
    public FurtherRoundDecision decideFurtherRound(long assessmentId, String decision, String reason, String manager) {
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
        decision(manager, assessments.get(assessmentId), "FURTHER_ROUND", Map.of("decision", further));
        return further;
    }

    public void complete(long assessmentId) {
        end(assessmentId, AssessmentStatus.COMPLETED, null);
    }

    /** Ends the assessment as failed, for the reason of the lab manager's decision. */
    public void terminate(long assessmentId) {
        String reason = events.list(assessmentId).stream()
                .filter(event -> event.kind() == AssessmentEvent.Kind.FURTHER_ROUND)
                .reduce((first, second) -> second).map(AssessmentEvent::text).orElse(null);
        end(assessmentId, AssessmentStatus.TERMINATED, reason);
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
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && (why.length() > MAX_OBSERVATION || ControlCharacters.present(why))) {
            throw new InvalidInputException(Bilingual.of("理由は" + MAX_OBSERVATION + "文字以内の普通の文字で書いてください。",
                    "Reason: plain text of at most " + MAX_OBSERVATION + " characters."));
        }
        end(assessmentId, status, why);
        decision(user, assessment, status.name(), why == null ? Map.of() : Map.of("reason", why));
        return assessments.get(assessmentId);
    }

    /** Records that work is overdue: a reminder to the manufacturer and an escalation to the lab managers. */
    public void escalateOverdue(long assessmentId, OverdueWork overdueWork) {
        Assessment assessment = assessments.get(assessmentId);
        OffsetDateTime now = clock.now();
        String what = overdueWork.description();
        notifications.add(assessmentId, overdueWork + "_OVERDUE_REMINDER", Roles.MANUFACTURERS,
                "The " + what + " for " + assessment.reference() + " are overdue; please submit them.", now);
        notifications.add(assessmentId, overdueWork + "_OVERDUE_ESCALATION", Roles.LAB_MANAGERS,
                assessment.manufacturer() + " has not submitted the " + what + " for " + assessment.reference()
                        + " by the due date.", now);
        log.warn("Assessment {}: {} overdue, escalated to {}", assessment.reference(), what, Roles.LAB_MANAGERS);
    }

    public List<AssessmentEvent> events(long assessmentId) {
        return events.list(assessmentId);
    }

    /** The latest verdict of every judged item: a later round's or revision's verdict replaces an earlier one. */
    public Map<String, CheckResult> latestResults(long assessmentId) {
        return latestOf(results.list(assessmentId));
    }

    /** The latest of each item among verdicts listed in the order they were given. */
    public static Map<String, CheckResult> latestOf(List<CheckResult> inOrderGiven) {
        Map<String, CheckResult> latest = new LinkedHashMap<>();
        inOrderGiven.forEach(result -> latest.put(result.itemId(), result));
        return latest;
    }

    /** Every decision of a person in the process goes to the audit trail (reasons and observations stay in the tables). */
    private void decision(String user, Assessment assessment, String decision, Map<String, ?> details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("assessment", assessment.reference());
        fields.put("decision", decision);
        fields.putAll(details);
        audit.record(SecurityAudit.Event.WORKFLOW_DECISION, user, null, fields);
    }

    private void end(long assessmentId, AssessmentStatus status, String reason) {
        OffsetDateTime now = clock.now();
        assessments.end(assessmentId, status, reason, now);
        findings.closeAll(assessmentId, now);
        log.info("Assessment {} {}", assessments.get(assessmentId).reference(), status);
    }

    private static String orPrevious(Bilingual field, String submitted, String previous, List<Bilingual> problems) {
        if (submitted == null || submitted.isBlank()) {
            return previous;
        }
        if (submitted.strip().length() > Application.MAX_TEXT) {
            problems.add(Bilingual.of(field.ja() + ": " + Application.MAX_TEXT + "文字以内にしてください。",
                    field.en() + ": at most " + Application.MAX_TEXT + " characters. Shorten it."));
        }
        return submitted.strip();
    }
}

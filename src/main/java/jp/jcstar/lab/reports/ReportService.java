package jp.jcstar.lab.reports;

import static jp.jcstar.lab.reports.ReportText.orDash;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentRepository;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.CheckResultRepository;
import jp.jcstar.lab.assessment.ProductComponent;
import jp.jcstar.lab.assessment.SampleRepository;
import jp.jcstar.lab.assessment.SampleRepository.SampleReceipt;
import jp.jcstar.lab.assessment.TestMethodRepository;
import jp.jcstar.lab.assessment.TestRound;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.assessment.Versions;
import jp.jcstar.lab.assessment.change.ChangeNoticeRepository;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.documents.DocumentKind;
import jp.jcstar.lab.documents.DocumentRepository;
import jp.jcstar.lab.documents.StoredDocument;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.findings.FindingStatus;
import jp.jcstar.lab.reports.signing.PdfSigner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the data of the issue lists and the final report from the app's tables, renders and stores the PDFs. */
@Service
@Transactional
public class ReportService {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ReportRenderer renderer;
    private final ReportRepository reports;
    private final AssessmentRecords assessments;
    private final CheckResultRepository results;
    private final TestRoundRepository rounds;
    private final FindingRepository findings;
    private final DocumentRepository documents;
    private final LabProperties lab;
    private final LabClock clock;
    private final ReportSettings settings;
    private final PdfSigner signer;
    private final PersonNames people;
    private final AssessmentRepository renewals;
    private final ChangeNoticeRepository changes;
    private final TestMethodRepository testMethods;
    private final SampleRepository samples;
    private final CarriedResults carriedResults;

    public ReportService(ReportRenderer renderer, ReportRepository reports, AssessmentRecords assessments,
                         CheckResultRepository results, TestRoundRepository rounds, FindingRepository findings,
                         DocumentRepository documents, LabProperties lab, LabClock clock, ReportSettings settings,
                         PdfSigner signer, PersonNames people, AssessmentRepository renewals,
                         ChangeNoticeRepository changes, TestMethodRepository testMethods, SampleRepository samples,
                         CarriedResults carriedResults) {
        this.carriedResults = carriedResults;
        this.testMethods = testMethods;
        this.samples = samples;
        this.changes = changes;
        this.renewals = renewals;
        this.people = people;
        this.settings = settings;
        this.signer = signer;
        this.renderer = renderer;
        this.reports = reports;
        this.assessments = assessments;
        this.results = results;
        this.rounds = rounds;
        this.findings = findings;
        this.documents = documents;
        this.lab = lab;
        this.clock = clock;
    }

    /** The issue list of the current (failed) round, rendered and stored; sending its findings is the caller's. */
    public StoredReport generateIssueList(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        Catalog catalog = assessments.catalogOf(assessment);
        int round = assessment.currentRound();
        List<Finding> roundFindings = findings.listRound(assessmentId, round);
        OffsetDateTime now = clock.now();
        String due = roundFindings.stream().map(Finding::dueDate).filter(Objects::nonNull).findFirst()
                .map(ReportService::date).orElse("-");
        IssueListData data = new IssueListData(header(assessment), String.valueOf(round), dateTime(now), due,
                roundFindings.stream().map(finding -> row(finding, catalog)).toList(),
                documentIndex(assessmentId, round));
        Verification verification = verification(now, "指摘事項一覧 第" + round + "回 / Issue list, round " + round);
        return store(assessmentId, ReportKind.ISSUE_LIST, round, renderer.renderIssueList(data, verification), now,
                verification.code(), null);
    }

    /** The final report of an approved assessment, stored: as its verification page knows it. */
    public IssuedReport generateFinalReport(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        OffsetDateTime now = clock.now();
        FinalReportData data = finalReportData(assessment, dateTime(now), "合格 / Passed: every item in scope passes");
        Verification verification = verification(now, "最終評価報告書 / Final assessment report");
        // A delta assessment's report replaces the certified one for the rest of its validity; any other, from now.
        OffsetDateTime validUntil = changes.ofDelta(assessmentId)
                .flatMap(notice -> reports.issuedFinal(notice.assessmentId())).map(IssuedReport::validUntil)
                .orElse(now.plus(settings.validity()));
        StoredReport report = store(assessmentId, ReportKind.FINAL, assessment.currentRound(),
                renderer.renderFinalReport(data, verification), now, verification.code(), validUntil);
        // A renewal's report replaces the one it renews: that one's verification page now says so.
        renewals.renewed(assessmentId).ifPresent(renewed -> reports.supersede(renewed, verification.code()));
        return new IssuedReport(verification.code(), assessmentId, ReportKind.FINAL, report.roundNo(), report.sha256(),
                now, validUntil, null, null, null, null, signer.certificateSha256());
    }

    /** The termination notice of an assessment the lab ended as failed: what did not pass in its last round. */
    public StoredReport generateTerminationLetter(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        Catalog catalog = assessments.catalogOf(assessment);
        OffsetDateTime now = clock.now();
        TerminationLetterData data = new TerminationLetterData(header(assessment),
                String.valueOf(assessment.currentRound()), dateTime(assessment.endedAt()), orDash(assessment.endReason()),
                roundRows(assessmentId, results.list(assessmentId)),
                findings.listRound(assessmentId, assessment.currentRound()).stream().map(f -> row(f, catalog)).toList(),
                documentIndex(assessmentId, Integer.MAX_VALUE));
        Verification verification = verification(now, "評価終了通知書 / Termination notice");
        return store(assessmentId, ReportKind.TERMINATION, assessment.currentRound(),
                renderer.renderTerminationLetter(data, verification), now, verification.code(), null);
    }

    /**
     * The final report as it stands, for the reviewer to read before deciding; rendered on request, never stored.
     */
    @Transactional(readOnly = true)
    public byte[] draftFinalReport(long assessmentId) {
        Assessment assessment = assessments.get(assessmentId);
        return renderer.renderFinalReport(finalReportData(assessment, "-",
                "下書き / DRAFT for review, " + dateTime(clock.now()) + ": not an issued report"));
    }

    private FinalReportData finalReportData(Assessment assessment, String completedAt, String verdict) {
        long assessmentId = assessment.id();
        Catalog catalog = assessments.catalogOf(assessment);
        List<CheckResult> all = results.list(assessmentId);
        Map<String, CheckResult> latest = AssessmentRecords.latestOf(all);
        Map<String, String> names = new HashMap<>();
        Function<String, String> name = id -> names.computeIfAbsent(id, people::of);
        Map<String, CarriedResults.Carried> carried = carriedResults.of(assessment);
        List<ItemResultRow> items = catalog.items().stream()
                .map(item -> carried.containsKey(item.id()) ? carriedRow(item, carried.get(item.id()), name)
                        : itemRow(item, latest.get(item.id()), name)).toList();
        List<TestRound> tested = rounds.list(assessmentId);
        List<RoundRow> roundRows = roundRows(assessmentId, all);
        Set<String> testers = new LinkedHashSet<>(results.testers(assessmentId));
        return new FinalReportData(header(assessment), assessment.catalogVersion(), dateTime(assessment.appliedAt()),
                completedAt, testPeriod(tested),
                testers.stream().map(name).collect(Collectors.joining("\n")), name.apply(assessment.reviewedBy()),
                dateTime(assessment.reviewedAt()), verdict, items, roundRows,
                findings.list(assessmentId).stream().map(f -> row(f, catalog)).toList(),
                documentIndex(assessmentId, Integer.MAX_VALUE), methods(assessmentId, name),
                samples(assessment, tested, name) + carriedSamples(carried));
    }

    /** Each delivery of samples as received, beside the versions applied for. */
    private String samples(Assessment assessment, List<TestRound> tested, Function<String, String> name) {
        if (!assessment.covers(ProductComponent.DEVICE)) {
            return "デバイスは評価範囲外です / The device is outside the scope: no samples were tested.";
        }
        List<SampleReceipt> received = samples.list(assessment.id());
        if (received.isEmpty()) {
            return "記録なし / None recorded";
        }
        Versions applied = tested.isEmpty() ? assessment.versions() : tested.get(0).versions();
        return received.stream().map(receipt -> "受領 / Received " + receipt.receivedOn() + " — "
                        + name.apply(receipt.recordedBy()) + "\n"
                        + "シリアル番号 / Serial numbers: " + String.join(", ", receipt.serials()) + "\n"
                        + "ハードウェアリビジョン / Hardware revision: " + receipt.hardwareRevision() + "\n"
                        + asReceived("ファームウェア / Firmware", receipt.firmwareVersion(), applied.firmware())
                        + (assessment.covers(ProductComponent.APP)
                        ? asReceived("アプリ / App", receipt.appVersion(), applied.app()) : "")
                        + (assessment.covers(ProductComponent.CLOUD)
                        ? asReceived("クラウド / Cloud", receipt.cloudVersion(), applied.cloud()) : "")
                        + (receipt.condition() == null ? "" : "状態・付属品 / Condition: " + receipt.condition()))
                .map(String::strip).collect(Collectors.joining("\n\n"));
    }

    /** A delta's carried-over results were tested on the samples of the assessments they come from. */
    private static String carriedSamples(Map<String, CarriedResults.Carried> carried) {
        if (carried.isEmpty()) {
            return "";
        }
        return "\n\n引継ぎの結果は、次の評価の試料で試験したものです / The results carried over were tested on the samples of: "
                + carried.values().stream().map(CarriedResults.Carried::source).distinct().sorted()
                .collect(Collectors.joining(", "));
    }

    /** "ファームウェア / Firmware: 1.0.1 (申請時 / applied for: 1.0.0)" when they differ. */
    private static String asReceived(String component, String received, String applied) {
        String version = received == null ? "記録なし / not recorded" : received;
        String note = applied != null && !applied.equals(received) ? "（申請時 / applied for: " + applied + "）" : "";
        return component + ": " + version + note + "\n";
    }

    /** "第1回 クラウド / Cloud — 山田 太郎 (eng1), 2026-12-06: testssl.sh 3.2, …", one paragraph per record. */
    private String methods(long assessmentId, Function<String, String> name) {
        List<TestMethodRepository.TestMethod> recorded = testMethods.list(assessmentId);
        if (recorded.isEmpty()) {
            return "記録なし / None recorded";
        }
        return recorded.stream().map(method -> "第" + method.roundNo() + "回 / Round " + method.roundNo() + "  "
                        + methodStep(method.step()) + " — " + name.apply(method.recordedBy()) + ", "
                        + date(method.recordedAt()) + ":\n" + method.description())
                .collect(Collectors.joining("\n\n"));
    }

    private static String methodStep(String step) {
        return switch (step) {
            case "DEVICE" -> "機器 / Device";
            case "APP" -> "アプリ / App";
            case "CLOUD" -> "クラウド / Cloud";
            case "RETEST" -> "再試験 / Retest";
            default -> step;
        };
    }

    /** Each round with its versions, dates, outcome in words and the items that failed in it. */
    private List<RoundRow> roundRows(long assessmentId, List<CheckResult> all) {
        Map<Integer, List<String>> failedByRound = all.stream().filter(r -> r.verdict() == Verdict.FAIL)
                .collect(Collectors.groupingBy(CheckResult::roundNo,
                        Collectors.mapping(CheckResult::itemId, Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        return rounds.list(assessmentId).stream().map(round -> new RoundRow(
                String.valueOf(round.roundNo()), round.versions(), dateTime(round.startedAt()),
                dateTime(round.evaluatedAt()), round.outcome() == null ? "-" : round.outcome().words(),
                String.join(", ", failedByRound.getOrDefault(round.roundNo(), List.of()))))
                .toList();
    }

    private ReportHeader header(Assessment assessment) {
        return new ReportHeader(lab.labName(), assessment.reference(), assessment.product(), assessment.versions());
    }

    /** Whether the report issued under this code no longer stands by the lab's doing: withdrawn, or superseded. */
    @Transactional(readOnly = true)
    public boolean replacedOrWithdrawn(String code) {
        return reports.issued(code).filter(report -> report.withdrawnAt() != null || report.supersededBy() != null)
                .isPresent();
    }

    /** The final report, once the assessment is completed. */
    @Transactional(readOnly = true)
    public Optional<StoredReport> finalReport(Assessment assessment) {
        return assessment.status() == AssessmentStatus.COMPLETED
                ? reports.findLatest(assessment.id(), ReportKind.FINAL) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<StoredReport> issueList(long assessmentId, int round) {
        return reports.find(assessmentId, ReportKind.ISSUE_LIST, round);
    }

    private StoredReport store(long assessmentId, ReportKind kind, int round, byte[] pdf, OffsetDateTime now,
                               String code, OffsetDateTime validUntil) {
        StoredReport report = new StoredReport(kind, round, pdf, Sha256.hex(pdf), now);
        reports.save(assessmentId, report, code, validUntil, signer.certificateSha256());
        return report;
    }

    /** A new verification code for a report issued now, and the lab's seal for it. */
    private Verification verification(OffsetDateTime now, String what) {
        String code = Verification.newCode();
        String url = settings.verificationUrl(code);
        return new Verification(code, url, Verification.qrCode(url), pdf -> signer.sign(pdf,
                GregorianCalendar.from(now.toZonedDateTime()), what + " " + code));
    }

    /** Every file uploaded up to and including the given round, each version on its own row, by item. */
    private List<DocumentRow> documentIndex(long assessmentId, int upToRound) {
        return documents.list(assessmentId).stream().filter(document -> document.roundNo() <= upToRound)
                .sorted(Comparator.comparing(StoredDocument::itemId).thenComparing(StoredDocument::kind)
                        .thenComparing(StoredDocument::id))
                .map(document -> new DocumentRow(document.itemId(), kindWords(document.kind()),
                        String.valueOf(document.roundNo()), "v" + document.version(), document.fileName(),
                        String.valueOf(document.sizeBytes()), document.sha256()))
                .toList();
    }

    private static String stepWords(Step step) {
        return switch (step) {
            case DOCUMENTATION -> "文書\nDocs";
            case DEVICE -> "機器\nDevice";
            case APP -> "アプリ\nApp";
            case CLOUD -> "クラウド\nCloud";
        };
    }

    private static String kindWords(DocumentKind kind) {
        return switch (kind) {
            case DOCUMENT -> "文書\nDocument";
            case EVIDENCE -> "エビデンス\nEvidence";
        };
    }

    /**
     * An item's final result: who recorded it and on which day, and what was seen. A PASS recorded without an
     * observation says what was verified: the catalog's requirement of the item.
     */
    private static ItemResultRow itemRow(CheckItem item, CheckResult result, Function<String, String> name) {
        if (result == null) {
            return new ItemResultRow(item.id(), stepWords(item.step()), item.title(), "対象外 / out of scope", "-", "-",
                    "-");
        }
        String observation = result.observation() != null ? result.observation()
                : result.verdict() == Verdict.PASS ? "要件を満たすことを確認 / Verified to meet: " + item.requirement() : "-";
        return new ItemResultRow(item.id(), stepWords(item.step()), item.title(), result.verdict().name(),
                result.verdict() == Verdict.FAIL ? "-" : String.valueOf(result.roundNo()), observation,
                name.apply(result.recordedBy()) + "\n" + date(result.recordedAt()));
    }

    /** An item a delta assessment did not retest: its result as carried over, saying where from. */
    private static ItemResultRow carriedRow(CheckItem item, CarriedResults.Carried carried, Function<String, String> name) {
        ItemResultRow row = itemRow(item, carried.result(), name);
        return new ItemResultRow(row.getItemId(), row.getStep(), row.getTitle(), row.getVerdict(), "-",
                "引継ぎ / Carried over from " + carried.source() + ":\n" + row.getObservation(), row.getTestedBy());
    }

    /** From the first round's start to the last evaluation, with the number of rounds. */
    private static String testPeriod(List<TestRound> tested) {
        if (tested.isEmpty()) {
            return "-";
        }
        OffsetDateTime last = tested.stream().map(TestRound::evaluatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return date(tested.get(0).startedAt()) + " 〜 " + (last == null ? "" : date(last)) + "（" + tested.size()
                + " ラウンド / " + tested.size() + (tested.size() == 1 ? " round" : " rounds") + "）";
    }

    private static FindingRow row(Finding finding, Catalog catalog) {
        // A closed finding still says how its retest went; the retest statuses say it themselves.
        String status = finding.status() == FindingStatus.CLOSED && finding.retestOutcome() != null
                ? finding.status().words() + "（再試験 / retest: " + finding.retestOutcome().words() + "）"
                : finding.status().words();
        return new FindingRow(String.valueOf(finding.roundNo()), finding.itemId(), catalog.get(finding.itemId()).title(),
                orDash(finding.observation()), finding.requiredFix(), finding.dueDate() == null ? "-" : date(finding.dueDate()),
                status, orDash(finding.manufacturerResponse()));
    }

    private static String dateTime(OffsetDateTime value) {
        return value == null ? "-" : value.atZoneSameInstant(LabClock.ZONE).format(DATE_TIME);
    }

    private static String date(OffsetDateTime value) {
        return value.atZoneSameInstant(LabClock.ZONE).format(DATE);
    }
}

package jp.jcstar.lab.assessment.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentEvent;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.CheckResultRepository;
import jp.jcstar.lab.assessment.TestRound;
import jp.jcstar.lab.assessment.TestRoundRepository;
import jp.jcstar.lab.assessment.Wording;
import jp.jcstar.lab.assessment.process.OpenSteps;
import jp.jcstar.lab.catalog.Catalog;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.documents.DocumentKind;
import jp.jcstar.lab.documents.DocumentListing;
import jp.jcstar.lab.documents.DocumentRepository;
import jp.jcstar.lab.documents.DocumentsOverview;
import jp.jcstar.lab.documents.StoredDocument;
import jp.jcstar.lab.findings.Finding;
import jp.jcstar.lab.findings.FindingRepository;
import jp.jcstar.lab.reports.ReportAccess;
import jp.jcstar.lab.security.LabUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link AssessmentOverview} of an assessment from the app's tables and the open tasks. */
@Component
public class AssessmentOverviews {

    private final AssessmentRecords assessments;
    private final CheckResultRepository results;
    private final TestRoundRepository rounds;
    private final FindingRepository findings;
    private final DocumentRepository documents;
    private final ReportAccess reports;
    private final OpenSteps openSteps;

    public AssessmentOverviews(AssessmentRecords assessments, CheckResultRepository results, TestRoundRepository rounds,
                               FindingRepository findings, DocumentRepository documents, ReportAccess reports,
                               OpenSteps openSteps) {
        this.assessments = assessments;
        this.results = results;
        this.rounds = rounds;
        this.findings = findings;
        this.documents = documents;
        this.reports = reports;
        this.openSteps = openSteps;
    }

    /** What an overview can leave out when whoever shows it does not need it: each costs reads of its own. */
    public enum Part {
        /** Each item's verdicts (every check result of the assessment). */
        ITEMS,
        /** The assessment's events. */
        EVENTS,
        /** The open steps (a task query). */
        STEPS
    }

    /** The overview of an assessment the reader may see (the caller checked that with AssessmentAccess). */
    @Transactional(readOnly = true)
    public AssessmentOverview of(Assessment assessment, LabUser reader) {
        return of(assessment, reader, EnumSet.allOf(Part.class));
    }

    /** The overview with only the given parts; the others are empty. */
    @Transactional(readOnly = true)
    public AssessmentOverview of(Assessment assessment, LabUser reader, Set<Part> parts) {
        Catalog catalog = assessments.catalogOf(assessment);
        List<StoredDocument> files = documents.list(assessment.id());
        List<ReportAccess.Link> reportLinks = reports.links(assessment, reader);
        Set<String> issueLists = reportLinks.stream().map(ReportAccess.Link::path).collect(Collectors.toSet());
        List<AssessmentOverview.ItemRow> items = parts.contains(Part.ITEMS) ? items(assessment, files) : List.of();
        List<AssessmentOverview.RoundRow> roundRows = rounds.list(assessment.id()).stream()
                .map(round -> roundRow(assessment, round, issueLists)).toList();
        List<AssessmentOverview.FindingRow> findingRows = findings.list(assessment.id()).stream()
                .sorted(Comparator.comparingInt(Finding::roundNo).reversed().thenComparing(Finding::itemId))
                .map(finding -> findingRow(assessment, finding, catalog, files, issueLists)).toList();
        List<AssessmentOverview.EventRow> events = !parts.contains(Part.EVENTS) ? List.of()
                : assessments.events(assessment.id()).stream()
                .map(event -> new AssessmentOverview.EventRow(Wording.dateTime(event.at()), Wording.event(event),
                        event.actor(), event.text(), event.kind() == AssessmentEvent.Kind.REPORT_REVIEW
                        && "REJECT".equals(event.decision())))
                .toList();
        List<AssessmentOverview.StepRow> steps = !parts.contains(Part.STEPS) ? List.of()
                : openSteps.of(assessment.processInstanceId()).stream()
                .map(step -> new AssessmentOverview.StepRow(step.name(), Wording.groups(step.candidateGroups()),
                        step.assignee(), Wording.dateTime(step.due()), step.overdue()))
                .toList();
        return new AssessmentOverview(assessment, Wording.status(assessment.status()),
                assessment.product().starLevel().label(),
                assessment.product().scope().stream().map(Wording::component).collect(Collectors.joining(", ")),
                Wording.dateTime(assessment.appliedAt()),
                assessment.status() == AssessmentStatus.IN_PROGRESS, steps, roundRows, items, findingRows, events,
                documentsRow(assessment, catalog, files), reportLinks);
    }

    private List<AssessmentOverview.ItemRow> items(Assessment assessment, List<StoredDocument> files) {
        Map<String, List<CheckResult>> history = results.list(assessment.id()).stream()
                .collect(Collectors.groupingBy(CheckResult::itemId, LinkedHashMap::new, Collectors.toList()));
        return assessments.itemsInScope(assessment).stream()
                .map(item -> itemRow(item, history.getOrDefault(item.id(), List.of()), files)).toList();
    }

    private static AssessmentOverview.ItemRow itemRow(CheckItem item, List<CheckResult> verdicts,
                                                      List<StoredDocument> files) {
        CheckResult latest = verdicts.isEmpty() ? null : verdicts.get(verdicts.size() - 1);
        List<AssessmentOverview.VerdictRow> history = verdicts.stream()
                .map(result -> new AssessmentOverview.VerdictRow(result.roundNo(), result.revision(),
                        Wording.verdict(result.verdict()), result.verdict().name(), result.observation(),
                        result.recordedBy(), Wording.dateTime(result.recordedAt())))
                .toList();
        List<AssessmentOverview.FileLink> evidence = files.stream()
                .filter(file -> file.kind() == DocumentKind.EVIDENCE && file.itemId().equals(item.id()))
                .map(AssessmentOverviews::link).toList();
        return new AssessmentOverview.ItemRow(item.id(), item.title(), item.requirement(),
                Wording.verdict(latest == null ? null : latest.verdict()),
                latest == null ? "NONE" : latest.verdict().name(), latest == null ? null : latest.observation(),
                history, evidence);
    }

    private static AssessmentOverview.RoundRow roundRow(Assessment assessment, TestRound round, Set<String> reportPaths) {
        String issueList = ReportAccess.issueListPath(assessment.id(), round.roundNo());
        return new AssessmentOverview.RoundRow(round.roundNo(), round.versions(), round.changedDocuments(),
                Wording.dateTime(round.startedAt()),
                Wording.dateTime(round.evaluatedAt()), round.outcomeWords(),
                reportPaths.contains(issueList) ? issueList : null);
    }

    private static AssessmentOverview.FindingRow findingRow(Assessment assessment, Finding finding, Catalog catalog,
                                                            List<StoredDocument> files, Set<String> reportPaths) {
        String issueList = ReportAccess.issueListPath(assessment.id(), finding.roundNo());
        List<AssessmentOverview.FileLink> evidence = files.stream()
                .filter(file -> file.itemId().equals(finding.itemId()) && file.roundNo() == finding.roundNo())
                .map(AssessmentOverviews::link).toList();
        String title = catalog.find(finding.itemId()).map(CheckItem::title).orElse("");
        return new AssessmentOverview.FindingRow(finding.roundNo(), finding.itemId(), title, finding.observation(),
                finding.requiredFix(), finding.status().words(),
                finding.retestOutcome() == null ? null : finding.retestOutcome().words(),
                finding.manufacturerResponse(),
                Wording.dateTime(finding.answeredAt()), Wording.date(finding.dueDate()), finding.status().isOpen(),
                evidence, reportPaths.contains(issueList) ? issueList : null);
    }

    private static AssessmentOverview.DocumentsRow documentsRow(Assessment assessment, Catalog catalog,
                                                                List<StoredDocument> files) {
        Map<String, StoredDocument> latest = new DocumentListing(assessment, files).latestDocuments();
        List<CheckItem> docItems = catalog.itemsOf(Step.DOCUMENTATION);
        List<String> missing = new ArrayList<>();
        docItems.stream().filter(item -> !latest.containsKey(item.id())).forEach(item -> missing.add(item.id()));
        int evidence = (int) files.stream().filter(file -> file.kind() == DocumentKind.EVIDENCE).count();
        return new AssessmentOverview.DocumentsRow(docItems.size() - missing.size(), docItems.size(), missing,
                evidence, DocumentsOverview.pagePath(assessment.id()));
    }

    static AssessmentOverview.FileLink link(StoredDocument file) {
        return new AssessmentOverview.FileLink(file.label(), DocumentsOverview.contentPath(file));
    }
}

package jp.jcstar.lab.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.assessment.CheckResult;
import jp.jcstar.lab.assessment.Verdict;
import jp.jcstar.lab.catalog.CheckItem;
import jp.jcstar.lab.documents.DocumentRepository;
import jp.jcstar.lab.documents.StoredDocument;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.requirements.Requirement;
import jp.jcstar.lab.requirements.RequirementList;
import jp.jcstar.lab.requirements.RequirementLists;
import jp.jcstar.lab.security.LabUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a manufacturer submits to IPA for a completed assessment, in one ZIP: the signed final report, a checklist of
 * the target level's requirements (and those of the levels below, which it includes) with the lab's result and the
 * catalog items behind each, as PDF and CSV, and the index of every file with its SHA-256. A requirement no catalog
 * item covers is listed as not covered, never as passed.
 */
@Service
public class IpaPackage {

    /** A result on the checklist, in both languages. */
    enum Result {
        CONFORMS("適合 / Conforms"),
        DOES_NOT_CONFORM("不適合 / Does not conform"),
        NOT_APPLICABLE("該当なし / Not applicable"),
        NOT_EVALUATED("未評価 / Not evaluated"),
        OUT_OF_SCOPE("評価範囲外 / Outside the assessment's scope"),
        NOT_COVERED("カバーなし（評価項目なし） / Not covered (no catalog item)");

        final String words;

        Result(String words) {
            this.words = words;
        }
    }

    /** A file of the package: its name and content. */
    public record Entry(String name, byte[] content) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'");

    private final AssessmentAccess access;
    private final AssessmentRecords assessments;
    private final ReportService reports;
    private final ReportRepository stored;
    private final RequirementLists requirements;
    private final DocumentRepository documents;
    private final ReportRenderer renderer;
    private final LabProperties lab;
    private final LabClock clock;
    private final CarriedResults carriedResults;

    public IpaPackage(AssessmentAccess access, AssessmentRecords assessments, ReportService reports,
                      ReportRepository stored, RequirementLists requirements, DocumentRepository documents,
                      ReportRenderer renderer, LabProperties lab, LabClock clock, CarriedResults carriedResults) {
        this.carriedResults = carriedResults;
        this.access = access;
        this.assessments = assessments;
        this.reports = reports;
        this.stored = stored;
        this.requirements = requirements;
        this.documents = documents;
        this.renderer = renderer;
        this.lab = lab;
        this.clock = clock;
    }

    /** The file name the package is saved under. */
    public static String fileName(Assessment assessment) {
        return assessment.reference() + "-ipa-package.zip";
    }

    /** The package of a completed assessment the reader may see. */
    @Transactional(readOnly = true)
    public List<Entry> entries(long id, LabUser reader) {
        Assessment assessment = access.visible(id, reader);
        StoredReport report = reports.finalReport(assessment).orElseThrow(() -> new ConflictException(
                "IPA 申請パッケージは評価の完了後に作れます / The IPA package of " + assessment.reference()
                        + " exists once the assessment is completed; it is " + assessment.status()));
        // A final report issued before reports were signed has no code and no status: it stands as it is.
        java.util.Optional<IssuedReport> issued = stored.issuedFinal(id);
        IssuedReport.Status status = issued.map(signed -> signed.statusAt(clock.now())).orElse(IssuedReport.Status.VALID);
        if (status == IssuedReport.Status.WITHDRAWN || status == IssuedReport.Status.SUPERSEDED) {
            throw new ConflictException(Bilingual.of(assessment.reference() + " の最終評価報告書は" + status.words()
                    + "のため、申請パッケージは作れません。", "The final report of " + assessment.reference() + " is "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + ": there is no IPA package for it.").toString());
        }
        String code = issued.map(IssuedReport::code).orElse("-");
        List<RequirementList> lists = requirements.forLevel(assessment.product().starLevel());
        List<ChecklistRow> rows = checklist(assessment, lists);
        String prefix = assessment.reference();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("LabName", lab.labName());
        header.put("Reference", assessment.reference());
        header.put("Product", assessment.product().name() + " (" + assessment.product().manufacturer() + ")");
        header.put("Level", assessment.product().starLevel().label());
        header.put("Lists", listsLine(assessment, lists));
        header.put("FinalReport", "SHA-256 " + report.sha256() + ", 検証コード / code " + code);
        header.put("Printed", clock.now().atZoneSameInstant(LabClock.ZONE).format(MINUTE));
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(prefix + "-final-report.pdf", report.content()));
        entries.add(new Entry(prefix + "-checklist.pdf", renderer.renderChecklist(header, rows)));
        entries.add(new Entry(prefix + "-checklist.csv", checklistCsv(rows)));
        entries.add(new Entry(prefix + "-evidence-index.csv", evidenceIndex(id)));
        return entries;
    }

    /** The package as a ZIP. */
    public static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private List<ChecklistRow> checklist(Assessment assessment, List<RequirementList> lists) {
        Map<String, CheckResult> latest = new HashMap<>(assessments.latestResults(assessment.id()));
        List<String> inScope = new ArrayList<>(assessments.itemsInScope(assessment).stream().map(CheckItem::id).toList());
        // A delta assessment's package covers the whole product: the items it did not retest as carried over.
        Map<String, CarriedResults.Carried> carriedOver = carriedResults.of(assessment);
        carriedOver.forEach((item, carried) -> {
            latest.put(item, carried.result());
            inScope.add(item);
        });
        List<ChecklistRow> rows = new ArrayList<>();
        for (RequirementList list : lists) {
            for (Requirement requirement : list.requirements()) {
                List<String> covered = requirement.itemIds().stream().filter(inScope::contains).toList();
                String items = requirement.itemIds().isEmpty() ? "—" : requirement.itemIds().stream()
                        .map(item -> item + " " + (latest.containsKey(item) ? latest.get(item).verdict().name()
                                + (carriedOver.containsKey(item) ? "（引継ぎ / carried over from "
                                + carriedOver.get(item).source() + "）" : "")
                                : inScope.contains(item) ? "—" : "(範囲外 / out of scope)"))
                        .collect(Collectors.joining("\n"));
                rows.add(new ChecklistRow(list.level() + "（第" + list.version() + "版 / version " + list.version() + "）",
                        requirement.id(), wording(requirement), String.join(", ", requirement.etsi()), items,
                        result(requirement, covered, latest).words));
            }
        }
        return rows;
    }

    static Result result(Requirement requirement, List<String> covered, Map<String, CheckResult> latest) {
        if (requirement.itemIds().isEmpty()) {
            return Result.NOT_COVERED;
        }
        if (covered.isEmpty()) {
            return Result.OUT_OF_SCOPE;
        }
        List<Verdict> verdicts = covered.stream().filter(latest::containsKey).map(item -> latest.get(item).verdict())
                .toList();
        if (verdicts.size() < covered.size()) {
            return Result.NOT_EVALUATED;
        }
        if (verdicts.contains(Verdict.FAIL)) {
            return Result.DOES_NOT_CONFORM;
        }
        return verdicts.contains(Verdict.PASS) ? Result.CONFORMS : Result.NOT_APPLICABLE;
    }

    private static String wording(Requirement requirement) {
        if (requirement.titleJa() == null && requirement.titleEn() == null) {
            return "（IPA の文言は未登録 / IPA's wording not loaded）";
        }
        return (requirement.titleJa() == null ? "" : requirement.titleJa())
                + (requirement.titleJa() != null && requirement.titleEn() != null ? "\n" : "")
                + (requirement.titleEn() == null ? "" : requirement.titleEn());
    }

    private static String listsLine(Assessment assessment, List<RequirementList> lists) {
        String loaded = lists.isEmpty() ? "なし / none" : lists.stream()
                .map(list -> list.level() + " v" + list.version() + " (" + list.requirements().size() + ")")
                .collect(Collectors.joining(", "));
        boolean targetLoaded = lists.stream().anyMatch(list -> list.level().equals(assessment.product().starLevel().label()));
        return loaded + (targetLoaded ? "" : "　※ " + assessment.product().starLevel().label()
                + " の要件リストは未登録 / no " + assessment.product().starLevel().label() + " list loaded yet");
    }

    private static byte[] checklistCsv(List<ChecklistRow> rows) {
        return csv(new String[] {"level", "requirement_id", "requirement", "etsi_en_303_645", "catalog_items", "result"},
                rows.stream().map(row -> new Object[] {row.getLevel(), row.getRequirementId(), row.getWording(),
                        row.getEtsi(), row.getItems(), row.getResult()}).toList());
    }

    private byte[] evidenceIndex(long id) {
        List<Object[]> lines = documents.list(id).stream().map((StoredDocument file) -> new Object[] {file.itemId(),
                file.kind().name(), file.roundNo(), file.version(), file.fileName(), file.sizeBytes(), file.sha256()})
                .toList();
        return csv(new String[] {"item_id", "kind", "round", "version", "file_name", "size_bytes", "sha256"}, lines);
    }

    /** UTF-8 with a byte order mark (Excel in Japan), CRLF; a cell a spreadsheet would take for a formula is text. */
    private static byte[] csv(String[] header, List<Object[]> lines) {
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (Object[] line : lines) {
                List<String> cells = new ArrayList<>();
                for (Object cell : line) {
                    String text = cell == null ? "" : cell.toString();
                    cells.add(!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text);
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

package jp.jcstar.lab.reports;

import java.awt.Image;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders the lab's PDF documents with JasperReports: the final assessment report and the issue
 * list of a failed round.
 *
 * <p>Every template ({@code /reports/*.jrxml} on the classpath) is compiled once, at build time (CompileReports), and
 * loaded in the constructor; the compiled reports are immutable and are filled concurrently by any number of
 * requests. Each main report is filled from a one-element bean data source holding the data object,
 * and its tables are subreports: their compiled templates go in as {@link JasperReport} parameters
 * and their rows as {@link JRBeanCollectionDataSource}s built in the templates from the data
 * object's lists.
 *
 * <p>All text uses the IPAexGothic font family of the font extension
 * ({@code jasperreports_extension.properties}, {@code fonts/jcstar-fonts.xml}), embedded in the PDF
 * so that Japanese renders on any viewer.
 */
@Component
public class ReportRenderer {

    private static final Logger log = LoggerFactory.getLogger(ReportRenderer.class);

    static final String FINAL_REPORT = "/reports/final-assessment-report.jrxml";
    static final String FINAL_REPORT_ITEMS = "/reports/final-report-items.jrxml";
    static final String FINAL_REPORT_ROUNDS = "/reports/final-report-rounds.jrxml";
    static final String FINAL_REPORT_FINDINGS = "/reports/final-report-findings.jrxml";
    static final String ISSUE_LIST = "/reports/issue-list.jrxml";
    static final String TERMINATION_LETTER = "/reports/termination-letter.jrxml";
    static final String ISSUE_LIST_FINDINGS = "/reports/issue-list-findings.jrxml";
    static final String DOCUMENT_INDEX = "/reports/document-index.jrxml";
    static final String MONTHLY = "/reports/monthly-dashboard.jrxml";
    static final String CHECKLIST = "/reports/ipa-checklist.jrxml";

    private final JasperReport finalReport;
    private final JasperReport finalReportItems;
    private final JasperReport finalReportRounds;
    private final JasperReport finalReportFindings;
    private final JasperReport issueList;
    private final JasperReport issueListFindings;
    private final JasperReport terminationLetter;
    private final JasperReport documentIndex;
    private final JasperReport monthly;
    private final JasperReport checklist;

    /**
     * Loads every template as the build compiled it.
     *
     * @throws IllegalStateException naming the template that is missing or fails to compile
     */
    public ReportRenderer() {
        this.finalReport = load(FINAL_REPORT);
        this.finalReportItems = load(FINAL_REPORT_ITEMS);
        this.finalReportRounds = load(FINAL_REPORT_ROUNDS);
        this.finalReportFindings = load(FINAL_REPORT_FINDINGS);
        this.issueList = load(ISSUE_LIST);
        this.issueListFindings = load(ISSUE_LIST_FINDINGS);
        this.terminationLetter = load(TERMINATION_LETTER);
        this.documentIndex = load(DOCUMENT_INDEX);
        this.monthly = load(MONTHLY);
        this.checklist = load(CHECKLIST);
    }

    /** Renders the final assessment report as PDF bytes, unsigned and without a verification code (a draft). */
    public byte[] renderFinalReport(FinalReportData data) {
        return renderFinalReport(data, null);
    }

    /** Renders the final assessment report to be issued: with its verification code and QR code, sealed. */
    public byte[] renderFinalReport(FinalReportData data, Verification verification) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> parameters = verificationParameters(verification);
        parameters.put("ItemsSubreport", finalReportItems);
        parameters.put("RoundsSubreport", finalReportRounds);
        parameters.put("FindingsSubreport", finalReportFindings);
        parameters.put("DocumentsSubreport", documentIndex);
        return timer("final-report").record(() -> sealed(verification, render(finalReport,
                parameters, data, "最終評価報告書 / Final Assessment Report", data.getHeader().getLabName())));
    }

    /** Renders the issue list of a failed round as PDF bytes: with its verification code and QR code, sealed. */
    public byte[] renderIssueList(IssueListData data, Verification verification) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> parameters = verificationParameters(verification);
        parameters.put("FindingsSubreport", issueListFindings);
        parameters.put("DocumentsSubreport", documentIndex);
        return timer("issue-list").record(() -> sealed(verification, render(issueList,
                parameters, data, "指摘事項一覧 / Issue List", data.getHeader().getLabName())));
    }

    /** Renders the termination notice of an assessment ended as failed: with its verification code, sealed. */
    public byte[] renderTerminationLetter(TerminationLetterData data, Verification verification) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> parameters = verificationParameters(verification);
        parameters.put("FindingsSubreport", finalReportFindings);
        parameters.put("RoundsSubreport", finalReportRounds);
        parameters.put("DocumentsSubreport", documentIndex);
        return timer("termination-letter").record(() -> sealed(verification, render(terminationLetter,
                parameters, data, "評価終了通知書 / Termination Notice", data.getHeader().getLabName())));
    }

    /** The footer's verification block (code, address, QR code); none for a draft. */
    private static Map<String, Object> verificationParameters(Verification verification) {
        Map<String, Object> parameters = new HashMap<>();
        if (verification != null) {
            parameters.put("VerificationCode", verification.code());
            parameters.put("VerificationUrl", verification.url());
            parameters.put("VerificationQr", verification.qr());
        }
        return parameters;
    }

    private static byte[] sealed(Verification verification, byte[] pdf) {
        return verification == null ? pdf : verification.seal().apply(pdf);
    }

    /**
     * Renders the lab's monthly report: the figures of one month in a table by section, with two charts.
     *
     * @param failuresChart first-round failures by area, drawn by the caller
     * @param leadTimeChart time per step, drawn by the caller
     */
    public byte[] renderMonthly(String labName, String month, String period, String printed, List<FigureRow> figures,
                                Image failuresChart, Image leadTimeChart) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("LabName", labName);
        parameters.put("Month", month);
        parameters.put("Period", period);
        parameters.put("Printed", printed);
        parameters.put("FailuresChart", failuresChart);
        parameters.put("LeadTimeChart", leadTimeChart);
        return timer("monthly").record(() -> render(monthly, parameters, figures,
                "月次報告 / Monthly Report " + month, labName));
    }

    /**
     * Renders the requirement checklist of an IPA submission package.
     *
     * @param header lab name, reference, product, level, requirement lists, final report and printed time, by the
     *               template's parameter names
     */
    public byte[] renderChecklist(Map<String, String> header, List<ChecklistRow> rows) {
        Map<String, Object> parameters = new HashMap<>(header);
        return timer("checklist").record(() -> render(checklist, parameters, rows,
                "要件チェックリスト / Requirement Checklist", header.get("LabName")));
    }

    /** How long each kind of PDF takes, for monitoring (jcstar_report_render_seconds); the registry is Spring Boot's. */
    private static Timer timer(String kind) {
        return Timer.builder("jcstar.report.render").description("Time to render a report PDF").tag("kind", kind)
                .register(Metrics.globalRegistry);
    }

    private static byte[] render(JasperReport report, Map<String, Object> parameters, Object data,
            String title, String author) {
        return render(report, parameters, List.of(data), title, author);
    }

    /** The report filled with one row per bean. */
    private static byte[] render(JasperReport report, Map<String, Object> parameters, Collection<?> rows,
            String title, String author) {
        try {
            JasperPrint print = JasperFillManager.fillReport(report, parameters, new JRBeanCollectionDataSource(rows));

            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(title);
            if (author != null) {
                configuration.setMetadataAuthor(author);
            }
            configuration.setMetadataCreator("JC-STAR lab workflow");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException e) {
            throw new IllegalStateException("Failed to render report '" + report.getName() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The template as the build compiled it ({@code .jasper} beside the {@code .jrxml}, CompileReports); compiled
     * here only where the build did not run (a template on the classpath without its compiled form).
     */
    private static JasperReport load(String template) {
        String compiled = template.replaceFirst("\\.jrxml$", ".jasper");
        try (InputStream in = ReportRenderer.class.getResourceAsStream(compiled)) {
            if (in != null) {
                return (JasperReport) JRLoader.loadObject(in);
            }
        } catch (JRException | IOException e) {
            throw new IllegalStateException("Compiled report " + compiled + " cannot be loaded: " + e.getMessage(), e);
        }
        log.warn("Report template {} has no compiled form on the classpath; compiling it now (mvn process-classes "
                + "compiles every template at build time)", template);
        try (InputStream in = ReportRenderer.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("Report template " + template + " is not on the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException | IOException e) {
            throw new IllegalStateException("Report template " + template + " failed to compile: " + e.getMessage(), e);
        }
    }
}

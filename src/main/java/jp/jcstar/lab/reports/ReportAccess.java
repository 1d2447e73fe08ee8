package jp.jcstar.lab.reports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import jp.jcstar.lab.assessment.AssessmentStatus;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Who may read which report of an assessment, the same for the API ({@code /api/assessments/{id}/reports/...}) and
 * the browser ({@code /lab/assessments/{id}/reports/...}): the assessment must be visible to the reader (another
 * company's answers 404), the draft is for lab staff only, the final report exists once the assessment is completed.
 */
@Component
public class ReportAccess {

    static final List<String> LAB_STAFF = List.of(Roles.ENGINEERS, Roles.REVIEWERS, Roles.LAB_MANAGERS, Roles.ADMINS);

    private final ReportService reports;
    private final ReportRepository stored;
    private final AssessmentAccess access;

    private final LabClock clock;

    private final IpaPackage ipaPackage;

    public ReportAccess(ReportService reports, ReportRepository stored, AssessmentAccess access, LabClock clock,
                        IpaPackage ipaPackage) {
        this.ipaPackage = ipaPackage;
        this.reports = reports;
        this.stored = stored;
        this.access = access;
        this.clock = clock;
    }

    /** A report as a reader gets it: the PDF and the file name it is saved under. */
    public record Pdf(String fileName, StoredReport report) {

        /**
         * The policy of a PDF shown in the browser: the app's pages forbid plugins (object-src 'none'), which would
         * also keep the browser's PDF viewer from showing the report; a PDF needs nothing else.
         */
        static final String PDF_CONTENT_SECURITY_POLICY = "default-src 'none'; object-src 'self'; "
                + "style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'";

        /** Shown in the browser's PDF viewer, or saved as a file. */
        public ResponseEntity<byte[]> response(boolean inline) {
            ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(fileName).build();
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                    .header("X-Content-SHA256", report.sha256())
                    .header("Content-Security-Policy", PDF_CONTENT_SECURITY_POLICY)
                    .body(report.content());
        }
    }

    /**
     * A report a reader may open: what it is called and where (the browser's path); an issued one with its
     * verification code and where it stands (null for a draft, or one issued before reports were signed).
     */
    public record Link(String label, String path, String sha256, String code, IssuedReport.Status status) {

        public String verificationPath() {
            return code == null ? null : verificationPath(code);
        }

        public static String verificationPath(String code) {
            return "/verify/" + code;
        }
    }

    public Pdf finalReport(long id, LabUser user) {
        Assessment assessment = access.visible(id, user);
        StoredReport report = reports.finalReport(assessment).orElseThrow(() -> new ConflictException(
                "最終報告書は評価の完了後に発行されます / The final report of " + assessment.reference()
                        + " exists once the assessment is completed; it is " + assessment.status()));
        return new Pdf(assessment.reference() + "-final-report.pdf", report);
    }

    /** The final report as it stands, for lab staff (the reviewer reads it before deciding). */
    public Pdf draft(long id, LabUser user) {
        Assessment assessment = access.visible(id, user);
        requireLabStaff(user);
        byte[] pdf = reports.draftFinalReport(id);
        return new Pdf(assessment.reference() + "-draft-report.pdf",
                new StoredReport(ReportKind.FINAL, assessment.currentRound(), pdf, Sha256.hex(pdf), null));
    }

    /** The IPA submission package of a completed assessment, as a ZIP to save. */
    public ResponseEntity<byte[]> ipaPackage(long id, LabUser user) {
        Assessment assessment = access.visible(id, user);
        byte[] zip = IpaPackage.zip(ipaPackage.entries(id, user));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(IpaPackage.fileName(assessment)).build().toString())
                .header("X-Content-SHA256", Sha256.hex(zip))
                .body(zip);
    }

    public Pdf terminationLetter(long id, LabUser user) {
        Assessment assessment = access.visible(id, user);
        StoredReport report = stored.findLatest(id, ReportKind.TERMINATION).orElseThrow(() -> new NotFoundException(
                assessment.status() == AssessmentStatus.TERMINATED
                        // Its own asynchronous step issues it right after the end: the mail may arrive first.
                        ? assessment.reference() + " の終了通知書は作成中です。1分ほどしてから開き直してください / The termination "
                        + "notice of " + assessment.reference() + " is being issued: open it again in a minute."
                        : assessment.reference() + " に終了通知書はありません。評価が不合格で終了したときに発行されます / "
                        + assessment.reference() + " has no termination notice: one is issued when the lab ends an "
                        + "assessment as failed."));
        return new Pdf(assessment.reference() + "-termination-notice.pdf", report);
    }

    public Pdf issueList(long id, int round, LabUser user) {
        Assessment assessment = access.visible(id, user);
        StoredReport report = reports.issueList(id, round).orElseThrow(() -> new NotFoundException(
                assessment.reference() + " に第" + round + "回の指摘事項一覧はありません / " + assessment.reference()
                        + " has no issue list for round " + round + " (an issue list exists for each failed round)"));
        return new Pdf(assessment.reference() + "-issue-list-round-" + round + ".pdf", report);
    }

    /** Every report of the assessment the reader may open, in round order; the draft last, for lab staff. */
    public List<Link> links(Assessment assessment, LabUser user) {
        List<Link> links = new ArrayList<>();
        OffsetDateTime now = clock.now();
        for (IssuedReport entry : stored.entries(assessment.id())) {
            IssuedReport.Status status = entry.code() == null ? null : entry.statusAt(now);
            if (entry.kind() == ReportKind.ISSUE_LIST) {
                links.add(new Link("第" + entry.roundNo() + "回 指摘事項一覧 / Issue list, round " + entry.roundNo(),
                        issueListPath(assessment.id(), entry.roundNo()), entry.sha256(), entry.code(), status));
            } else if (entry.kind() == ReportKind.FINAL && assessment.status() == AssessmentStatus.COMPLETED) {
                links.add(new Link("最終評価報告書 / Final assessment report", finalPath(assessment.id()), entry.sha256(),
                        entry.code(), status));
                links.add(new Link("IPA 申請パッケージ（ZIP：署名付き報告書・要件チェックリスト・ファイル索引） / IPA submission "
                        + "package (ZIP: signed report, requirement checklist, file index)", ipaPackagePath(assessment.id()),
                        null, null, null));
            } else if (entry.kind() == ReportKind.TERMINATION) {
                links.add(new Link("評価終了通知書 / Termination notice", terminationPath(assessment.id()),
                        entry.sha256(), entry.code(), status));
            }
        }
        if (assessment.status() == AssessmentStatus.IN_PROGRESS && user.isInAny(LAB_STAFF)) {
            links.add(new Link("報告書の下書き（現時点）/ Draft of the final report (as it stands)",
                    draftPath(assessment.id()), null, null, null));
        }
        return links;
    }

    public static String issueListPath(long id, int round) {
        return "/lab/assessments/" + id + "/reports/issue-list/" + round;
    }

    public static String ipaPackagePath(long id) {
        return "/lab/assessments/" + id + "/reports/ipa-package";
    }

    public static String terminationPath(long id) {
        return "/lab/assessments/" + id + "/reports/termination";
    }

    public static String draftPath(long id) {
        return "/lab/assessments/" + id + "/reports/draft";
    }

    public static String finalPath(long id) {
        return "/lab/assessments/" + id + "/reports/final";
    }

    private static void requireLabStaff(LabUser user) {
        if (!user.isInAny(LAB_STAFF)) {
            throw new ForbiddenException("報告書の下書きはラボの担当者のみ閲覧できます / Draft reports are for lab staff ("
                    + String.join(", ", LAB_STAFF) + ")");
        }
    }
}

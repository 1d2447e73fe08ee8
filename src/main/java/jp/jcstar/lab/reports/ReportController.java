package jp.jcstar.lab.reports;

import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentAccess;
import java.util.List;

import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.web.ConflictException;
import jp.jcstar.lab.web.ForbiddenException;
import jp.jcstar.lab.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/assessments/{id}/reports")
public class ReportController {

    static final List<String> LAB_STAFF = List.of(Roles.ENGINEERS, Roles.REVIEWERS, Roles.LAB_MANAGERS, Roles.ADMINS);

    private final ReportService reports;
    private final AssessmentAccess access;

    public ReportController(ReportService reports, AssessmentAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/final")
    public ResponseEntity<byte[]> finalReport(@PathVariable long id, Authentication user) {
        Assessment assessment = access.visible(id, LabUser.of(user));
        StoredReport report = reports.finalReport(assessment).orElseThrow(() -> new ConflictException(
                "The final report of " + assessment.reference() + " exists once the assessment is completed; it is "
                        + assessment.status()));
        return pdf(report, assessment.reference() + "-final-report.pdf");
    }

    /** The final report as it stands, for lab staff (the reviewer reads it before deciding). */
    @GetMapping("/draft")
    public ResponseEntity<byte[]> draft(@PathVariable long id, Authentication user) {
        Assessment assessment = access.visible(id, LabUser.of(user));
        if (!LabUser.of(user).isInAny(LAB_STAFF)) {
            throw new ForbiddenException("Draft reports are for lab staff (" + String.join(", ", LAB_STAFF) + ")");
        }
        byte[] pdf = reports.draftFinalReport(id);
        return pdf(new StoredReport(ReportKind.FINAL, assessment.currentRound(), pdf, Sha256.hex(pdf), null),
                assessment.reference() + "-draft-report.pdf");
    }

    @GetMapping("/issue-list")
    public ResponseEntity<byte[]> issueList(@PathVariable long id, @RequestParam int round, Authentication user) {
        Assessment assessment = access.visible(id, LabUser.of(user));
        StoredReport report = reports.issueList(id, round).orElseThrow(() -> new NotFoundException(
                assessment.reference() + " has no issue list for round " + round
                        + " (an issue list exists for each failed round)"));
        return pdf(report, assessment.reference() + "-issue-list-round-" + round + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(StoredReport report, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-SHA256", report.sha256())
                .body(report.content());
    }
}

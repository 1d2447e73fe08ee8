package jp.jcstar.lab.reports;

import jp.jcstar.lab.security.LabUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports through the API (Basic or Bearer), as files. */
@RestController
@RequestMapping("/api/assessments/{id}/reports")
public class ReportController {

    private final ReportAccess reports;

    public ReportController(ReportAccess reports) {
        this.reports = reports;
    }

    @GetMapping("/final")
    public ResponseEntity<byte[]> finalReport(@PathVariable long id, Authentication user) {
        return reports.finalReport(id, LabUser.of(user)).response(false);
    }

    /** The signed termination notice of an assessment the lab ended as failed. */
    @GetMapping("/termination")
    public ResponseEntity<byte[]> termination(@PathVariable long id, Authentication user) {
        return reports.terminationLetter(id, LabUser.of(user)).response(false);
    }

    /** The IPA submission package of a completed assessment (ZIP): signed final report, checklist, file index. */
    @GetMapping("/ipa-package")
    public ResponseEntity<byte[]> ipaPackage(@PathVariable long id, Authentication user) {
        return reports.ipaPackage(id, LabUser.of(user));
    }

    /** The final report as it stands, for lab staff (the reviewer reads it before deciding). */
    @GetMapping("/draft")
    public ResponseEntity<byte[]> draft(@PathVariable long id, Authentication user) {
        return reports.draft(id, LabUser.of(user)).response(false);
    }

    @GetMapping("/issue-list")
    public ResponseEntity<byte[]> issueList(@PathVariable long id, @RequestParam int round, Authentication user) {
        return reports.issueList(id, round, LabUser.of(user)).response(false);
    }
}

package jp.jcstar.lab.reports;

import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.LabPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports in the browser, with the session of Tasklist and the assessment pages, under the same rules as the
 * API (ReportAccess). Shown in the browser's PDF viewer; {@code ?download} saves the file instead.
 */
@Controller
@LabPage
@RequestMapping("/lab/assessments/{id}/reports")
public class ReportPageController {

    private final ReportAccess reports;

    public ReportPageController(ReportAccess reports) {
        this.reports = reports;
    }

    @GetMapping("/final")
    public ResponseEntity<byte[]> finalReport(@PathVariable long id, @RequestParam(required = false) String download,
                                              Authentication user) {
        return reports.finalReport(id, LabUser.of(user)).response(download == null);
    }

    @GetMapping("/termination")
    public ResponseEntity<byte[]> termination(@PathVariable long id, @RequestParam(required = false) String download,
                                              Authentication user) {
        return reports.terminationLetter(id, LabUser.of(user)).response(download == null);
    }

    /** The IPA submission package of a completed assessment (ZIP): signed final report, checklist, file index. */
    @GetMapping("/ipa-package")
    public ResponseEntity<byte[]> ipaPackage(@PathVariable long id, Authentication user) {
        return reports.ipaPackage(id, LabUser.of(user));
    }

    @GetMapping("/draft")
    public ResponseEntity<byte[]> draft(@PathVariable long id, @RequestParam(required = false) String download,
                                        Authentication user) {
        return reports.draft(id, LabUser.of(user)).response(download == null);
    }

    @GetMapping("/issue-list/{round}")
    public ResponseEntity<byte[]> issueList(@PathVariable long id, @PathVariable int round,
                                            @RequestParam(required = false) String download, Authentication user) {
        return reports.issueList(id, round, LabUser.of(user)).response(download == null);
    }
}

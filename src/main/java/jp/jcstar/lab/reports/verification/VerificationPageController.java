package jp.jcstar.lab.reports.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.reports.IssuedReport;
import jp.jcstar.lab.reports.Verification;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.web.LabPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The public verification page of an issued PDF ({@code /verify/{code}}, no login: the QR code on every page of the
 * PDF opens it), where anyone can also check a file against the issued one by its SHA-256 or by the file itself; and
 * the lab managers' withdrawal of a report.
 */
@Controller
@LabPage
public class VerificationPageController {

    private final ReportVerification verification;

    public VerificationPageController(ReportVerification verification) {
        this.verification = verification;
    }

    /** Where a person types the code printed on a report. */
    @GetMapping("/verify")
    public String start(@RequestParam(name = "code", required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            return "redirect:/verify/" + UriUtils.encodePathSegment(
                    Verification.parse(code).orElse(code.strip()), StandardCharsets.UTF_8);
        }
        return "verify";
    }

    @GetMapping("/verify/{code}")
    public String page(@PathVariable String code, @RequestParam(name = "sha256", required = false) String sha256,
                       @RequestParam(name = "tooLarge", required = false) String tooLarge, Model model) {
        ReportVerification.Facts facts = verification.facts(code);
        model.addAttribute("facts", facts);
        model.addAttribute("tooLarge", tooLarge != null);
        if (sha256 != null) {
            String hash = ReportVerification.requireSha256(sha256);
            model.addAttribute("checked", hash);
            model.addAttribute("same", ReportVerification.sameFile(facts, hash));
        }
        return "verify";
    }

    /** A file chosen on the page: its SHA-256 is computed as it arrives and compared; the file is not kept. */
    @PostMapping("/verify/{code}")
    public String check(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
                        Model model) {
        ReportVerification.Facts facts = verification.facts(code);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Bilingual.of("確かめるファイルを選んでください。",
                    "Choose the file to check."));
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the file to check failed", e);
        }
        String hash = Sha256.hex(digest);
        model.addAttribute("facts", facts);
        model.addAttribute("checked", hash);
        model.addAttribute("checkedFile", file.getOriginalFilename());
        model.addAttribute("same", ReportVerification.sameFile(facts, hash));
        return "verify";
    }

    /** A lab manager withdraws an issued report with a reason; back to its assessment. */
    @PostMapping("/lab/reports/{code}/withdraw")
    public String withdraw(@PathVariable String code, @RequestParam(name = "reason", required = false) String reason,
                           Authentication user) {
        IssuedReport withdrawn = verification.withdraw(code, LabUser.of(user), reason);
        return "redirect:/lab/assessments/" + withdrawn.assessmentId() + "#reports";
    }
}

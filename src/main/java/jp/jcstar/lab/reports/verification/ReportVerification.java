package jp.jcstar.lab.reports.verification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.assessment.Assessment;
import jp.jcstar.lab.assessment.AssessmentRecords;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import jp.jcstar.lab.reports.IssuedReport;
import jp.jcstar.lab.reports.ReportRepository;
import jp.jcstar.lab.reports.Verification;
import jp.jcstar.lab.reports.signing.LabSigningKey;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone holding an issued PDF may learn about it from its verification code, and nothing more: who issued it,
 * for which product and level, when, until when it stands, where it stands now and the SHA-256 of the issued file.
 * Lab managers withdraw a report with a reason.
 */
@Service
public class ReportVerification {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final int MAX_REASON = 2000;

    /**
     * The verification page's facts.
     *
     * @param validUntil the day a final report stops standing; null for an issue list
     */
    public record Facts(String code, String issuedBy, Bilingual document, String product, String manufacturer,
                        String level, String issued, String validUntil, IssuedReport.Status status, String sha256,
                        String withdrawn, String withdrawalReason, String supersededBy, String certificateSha256,
                        boolean selfSigned) {
    }

    private final ReportRepository reports;
    private final AssessmentRecords assessments;
    private final LabProperties lab;
    private final LabSigningKey key;
    private final LabClock clock;
    private final SecurityAudit audit;

    public ReportVerification(ReportRepository reports, AssessmentRecords assessments, LabProperties lab,
                              LabSigningKey key, LabClock clock, SecurityAudit audit) {
        this.reports = reports;
        this.assessments = assessments;
        this.lab = lab;
        this.key = key;
        this.clock = clock;
        this.audit = audit;
    }

    /** The facts of the report issued under this code (as typed: case and O/0, I/1 do not matter). */
    @Transactional(readOnly = true)
    public Facts facts(String typedCode) {
        IssuedReport report = issued(typedCode);
        Assessment assessment = assessments.get(report.assessmentId());
        LabSigningKey.Loaded signing = key.get();
        return new Facts(report.code(), lab.labName(), document(report), assessment.product().name(),
                assessment.product().manufacturer(), assessment.product().starLevel().label(), date(report.issuedAt()),
                date(report.validUntil()),
                report.statusAt(clock.now()), report.sha256(), date(report.withdrawnAt()), report.withdrawalReason(),
                report.supersededBy(), report.signerSha256() == null ? signing.fingerprint() : report.signerSha256(),
                signing.selfSigned() && (report.signerSha256() == null
                        || report.signerSha256().equals(signing.fingerprint())));
    }

    /** Whether a file's SHA-256 (as pasted: any case, spaces around) is that of the report issued under this code. */
    public static boolean sameFile(Facts facts, String sha256) {
        return sha256 != null && facts.sha256().equals(sha256.strip().toLowerCase(Locale.ROOT));
    }

    /** A pasted hash must look like one; anything else is a mistake to point out, not a "no". */
    public static String requireSha256(String pasted) {
        String hash = pasted == null ? "" : pasted.strip().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException(Bilingual.of("SHA-256 は 16 進数 64 文字です（例: sha256sum の出力の最初の列）。"
                            + "ファイルをそのまま選んで確かめることもできます。",
                    "A SHA-256 is 64 hexadecimal characters (the first column of sha256sum's output). You can also "
                            + "choose the file itself."));
        }
        return hash;
    }

    /** Withdraws an issued report; the verification page says so from then on. Lab managers only; audited. */
    @Transactional
    public IssuedReport withdraw(String typedCode, LabUser user, String reason) {
        if (!user.isInAny(List.of(Roles.LAB_MANAGERS))) {
            throw new ForbiddenException(Bilingual.of("報告書を撤回できるのは試験所の管理者だけです。",
                    "Only lab managers withdraw a report."));
        }
        IssuedReport report = issued(typedCode);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException(Bilingual.of("撤回の理由を書いてください（" + MAX_REASON
                    + " 文字まで）。検証ページに表示されます。", "Write why the report is withdrawn (at most " + MAX_REASON
                    + " characters); the verification page shows it."));
        }
        OffsetDateTime now = clock.now();
        if (!reports.withdraw(report.code(), user.id(), why, now)) {
            throw new ConflictException(Bilingual.of("この報告書 (" + report.code() + ") はすでに撤回されています。",
                    "The report " + report.code() + " is already withdrawn.").toString());
        }
        audit.record(SecurityAudit.Event.REPORT_WITHDRAWN, user.id(), null, Map.of("assessment",
                report.assessmentId(), "code", report.code(), "kind", report.kind(), "round", report.roundNo(),
                "reason", why));
        return reports.issued(report.code()).orElseThrow();
    }

    private IssuedReport issued(String typedCode) {
        Optional<String> code = Verification.parse(typedCode);
        return code.flatMap(reports::issued).orElseThrow(() -> new NotFoundException(Bilingual.of(
                "検証コード「" + typedCode + "」の報告書はありません。報告書の下に印字されたコード（例: 7KQ2-M9XD-3HPT）を"
                        + "確かめてください。", "No report was issued under the code '" + typedCode + "'. Check the code "
                        + "printed at the foot of the report (such as 7KQ2-M9XD-3HPT).").toString()));
    }

    private static Bilingual document(IssuedReport report) {
        return switch (report.kind()) {
            case FINAL -> Bilingual.of("最終評価報告書", "Final assessment report");
            case ISSUE_LIST -> Bilingual.of("指摘事項一覧（第" + report.roundNo() + "回）", "Issue list, round "
                    + report.roundNo());
            case TERMINATION -> Bilingual.of("評価終了通知書（不合格で終了）", "Termination notice (ended as failed)");
        };
    }

    private static String date(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(LabClock.ZONE).format(DATE);
    }
}

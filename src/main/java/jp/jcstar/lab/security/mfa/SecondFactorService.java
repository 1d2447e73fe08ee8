package jp.jcstar.lab.security.mfa;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 as authenticator apps expect) with single-use
 * recovery codes. Lab staff and administrators must have one; manufacturers may enrol. A code is accepted once: the
 * step it belongs to is remembered, and that step and every earlier one are refused afterwards.
 */
@Service
@Transactional
public class SecondFactorService {

    static final int STEP_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    /** Wrong codes in a row after which the second factor is locked until a lab manager unlocks the account. */
    public static final int MAX_FAILURES = 5;
    private static final String ISSUER = "JC-STAR Lab";

    private final JdbcClient jdbc;
    private final SecurityAudit audit;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator();

    public SecondFactorService(JdbcClient jdbc, SecurityAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A secret being enrolled, with what an authenticator app needs to add it. */
    public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
    }

    /** Staff and administrators need a second factor; anyone who enrolled one uses it. */
    public boolean required(String userId, Set<String> groups) {
        return groups.stream().anyMatch(group -> Roles.LAB_STAFF.contains(group) || Roles.ADMINS.equals(group))
                || enrolled(userId);
    }

    public boolean enrolled(String userId) {
        return jdbc.sql("select count(*) from mfa_enrolment where user_id = ? and confirmed_at is not null")
                .param(userId).query(Long.class).single() > 0;
    }

    /** Starts (or restarts, while unconfirmed) an enrolment with a new secret. */
    public Enrolment startEnrolment(String userId) {
        if (enrolled(userId)) {
            throw new InvalidInputException("A second factor is already enrolled for " + userId);
        }
        String secret = new DefaultSecretGenerator(32).generate();
        jdbc.sql("delete from mfa_enrolment where user_id = ?").param(userId).update();
        jdbc.sql("insert into mfa_enrolment (user_id, secret, created_at, last_used_step) values (?, ?, ?, 0)")
                .params(userId, secret, now()).update();
        QrData qr = new QrData.Builder().label(userId).secret(secret).issuer(ISSUER).digits(6).period(STEP_SECONDS).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return new Enrolment(secret, qr.getUri(), Utils.getDataUriForImage(png.generate(qr), png.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The enrolment QR code cannot be drawn", e);
        }
    }

    /**
     * Confirms an enrolment with a first code from the app.
     *
     * @return the recovery codes, shown this once; only their hashes are kept
     */
    public List<String> confirmEnrolment(String userId, String code, String from) {
        String secret = jdbc.sql("select secret from mfa_enrolment where user_id = ? and confirmed_at is null")
                .param(userId).query(String.class).optional()
                .orElseThrow(() -> new InvalidInputException("No enrolment of a second factor is under way"));
        if (!acceptTotp(userId, secret, code)) {
            throw new InvalidInputException("code: not the current code of the authenticator app");
        }
        jdbc.sql("update mfa_enrolment set confirmed_at = ? where user_id = ?").params(now(), userId).update();
        jdbc.sql("delete from mfa_recovery_code where user_id = ?").param(userId).update();
        List<String> recovery = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        recovery.forEach(recoveryCode -> jdbc.sql("insert into mfa_recovery_code (user_id, code_hash) values (?, ?)")
                .params(userId, Sha256.hex(recoveryCode)).update());
        audit.record(SecurityAudit.Event.MFA_ENROLLED, userId, from);
        return recovery;
    }

    /** Checks a second-factor code (TOTP or an unused recovery code) of an enrolled user, accepting each once. */
    public boolean verify(String userId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        Optional<String> secret = jdbc.sql("select secret from mfa_enrolment where user_id = ? and confirmed_at is not null")
                .param(userId).query(String.class).optional();
        if (secret.isEmpty()) {
            return false;
        }
        if (lockedOut(userId)) {
            return false;
        }
        String candidate = code.strip();
        boolean accepted = candidate.matches("\\d{6}") ? acceptTotp(userId, secret.get(), candidate)
                : jdbc.sql("update mfa_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                .params(now(), userId, Sha256.hex(candidate)).update() == 1;
        jdbc.sql(accepted ? "update mfa_enrolment set failed_attempts = 0 where user_id = ?"
                : "update mfa_enrolment set failed_attempts = failed_attempts + 1 where user_id = ?").param(userId).update();
        return accepted;
    }

    /**
     * Too many wrong codes in a row: no code is accepted until {@link #unlock}. An API token's owner is asked the same
     * in the token's own query ({@code ApiTokenService.owner}).
     */
    public boolean lockedOut(String userId) {
        return jdbc.sql("select count(*) from mfa_enrolment where user_id = ? and failed_attempts >= ?")
                .params(userId, MAX_FAILURES).query(Long.class).single() > 0;
    }

    public void unlock(String userId) {
        jdbc.sql("update mfa_enrolment set failed_attempts = 0 where user_id = ?").param(userId).update();
    }

    /** Accepts a code of the current step or the one before or after (clock drift), each step only once. */
    private boolean acceptTotp(String userId, String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        long current = Instant.now().getEpochSecond() / STEP_SECONDS;
        long lastUsed = jdbc.sql("select last_used_step from mfa_enrolment where user_id = ?").param(userId)
                .query(Long.class).single();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsed && matches(secret, step, code.strip())) {
                // The conditional update makes two concurrent uses of one code accept only one.
                return jdbc.sql("update mfa_enrolment set last_used_step = ? where user_id = ? and last_used_step < ?")
                        .params(step, userId, step).update() == 1;
            }
        }
        return false;
    }

    private boolean matches(String secret, long step, String code) {
        try {
            return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

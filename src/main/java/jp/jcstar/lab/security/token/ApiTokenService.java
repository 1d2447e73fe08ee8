package jp.jcstar.lab.security.token;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for automation (lab tools, scripts, Camunda Modeler's Deploy button): 256 random bits behind the
 * prefix {@code jcs_}, shown once, stored as SHA-256, with an expiry and revocation. Accepted as a Bearer token and as
 * the password of HTTP Basic.
 */
@Service
@Transactional
public class ApiTokenService {

    public static final String PREFIX = "jcs_";
    static final int DEFAULT_DAYS = 90;
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecurityAudit audit;

    public ApiTokenService(JdbcClient jdbc, SecurityAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A token as its owner may list it: never the secret. */
    public record ApiToken(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                           OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /** A new token: {@code token} is the secret, returned this once. */
    public record CreatedToken(long id, String name, String token, OffsetDateTime expiresAt) {
    }

    public CreatedToken create(String userId, String name, Integer validDays, String from) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name: say what the token is for, at most 100 characters");
        }
        int days = validDays == null ? DEFAULT_DAYS : validDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("validDays: from 1 to " + MAX_DAYS);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(Duration.ofDays(days));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (user_id, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(userId, name.strip(), Sha256.hex(token), now, expires).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(SecurityAudit.Event.API_TOKEN_CREATED, userId, from, Map.of("token", id, "expires", expires));
        return new CreatedToken(id, name.strip(), token, expires);
    }

    public List<ApiToken> list(String userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by id").param(userId)
                .query((rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    public void revoke(String userId, long id, String from) {
        int revoked = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(now(), id, userId).update();
        if (revoked == 0) {
            throw new NotFoundException("You have no active token " + id);
        }
        audit.record(SecurityAudit.Event.API_TOKEN_REVOKED, userId, from, Map.of("token", id));
    }

    /** Revokes every active token of a user (its password changed). */
    public void revokeAll(String userId) {
        int revoked = jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(now(), userId).update();
        if (revoked > 0) {
            audit.record(SecurityAudit.Event.API_TOKEN_REVOKED, userId, null, Map.of("tokens", revoked,
                    "reason", "password changed"));
        }
    }

    /**
     * The owner of a valid (known, unexpired, unrevoked) token whose owner is not locked out by wrong second-factor
     * codes (a lock holds for every credential: {@link SecondFactorService#lockedOut}, asked in the same statement).
     */
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token);
        OffsetDateTime now = now();
        Optional<Use> use = jdbc.sql("""
                        select t.user_id, t.last_used_at from api_token t
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?
                        and not exists (select 1 from mfa_enrolment m
                                        where m.user_id = t.user_id and m.failed_attempts >= ?)""")
                .params(hash, now, SecondFactorService.MAX_FAILURES).query((rs, row) -> new Use(rs.getString("user_id"),
                        rs.getObject("last_used_at", OffsetDateTime.class))).optional();
        // A token's last use is shown to its owner to the minute: written when it is older than that, not per call.
        use.filter(used -> used.at() == null || used.at().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(used -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                        .params(now, hash).update());
        return use.map(Use::userId);
    }

    private record Use(String userId, OffsetDateTime at) {
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

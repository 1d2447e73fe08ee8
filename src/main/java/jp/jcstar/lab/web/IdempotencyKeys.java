package jp.jcstar.lab.web;

import java.time.OffsetDateTime;
import java.util.Optional;

import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key of a request that creates something: the first request with a key creates it and the key
 * remembers it, in the same transaction; a retry with the same key and the same request finds it and gets the first
 * answer; the same key with another request is 409. Keys are per user.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    public enum Kind {
        APPLICATION, UPLOAD
    }

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as a client may send it: 1 to 200 visible ASCII characters, such as a UUID; null when none was sent. */
    public static String validated(String key) {
        if (key != null && (key.isBlank() || key.length() > 200 || !key.matches("[\\x21-\\x7e]+"))) {
            throw new InvalidInputException(HEADER + ": 1 to 200 visible ASCII characters, such as a UUID");
        }
        return key;
    }

    /**
     * What an earlier request with this key created, if it was the same request (its fingerprint).
     *
     * @throws ConflictException if the key was used for another request
     */
    public Optional<Long> earlier(String userId, String key, Kind kind, String fingerprint) {
        return jdbc.sql("select resource_kind, resource_id, request_sha256 from idempotency_key where user_id = ? and idem_key = ?")
                .params(userId, key)
                .query((rs, row) -> {
                    if (!kind.name().equals(rs.getString("resource_kind")) || !fingerprint.equals(rs.getString("request_sha256"))) {
                        throw new ConflictException(HEADER + " " + key + " was used for a different request; use a new "
                                + "key for a new request");
                    }
                    return rs.getLong("resource_id");
                }).optional();
    }

    /** Two requests with one key at the same moment: the second waits on the key here and then fails (409). */
    public void remember(String userId, String key, Kind kind, String fingerprint, long resourceId, OffsetDateTime at) {
        jdbc.sql("""
                        insert into idempotency_key (user_id, idem_key, resource_kind, resource_id, request_sha256, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(userId, key, kind.name(), resourceId, fingerprint, at).update();
    }
}

package jp.jcstar.lab.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail of security and workflow events, one structured line per event on the logger {@code jcstar.audit}:
 * {@code event=LOGIN_FAILURE user="eng1" from="127.0.0.1" at="2026-11-26T01:00:00Z" ...}. Who, what, when and from
 * where; callers never pass a secret (passwords, tokens, codes).
 */
@Component
public class SecurityAudit {

    private static final Logger audit = LoggerFactory.getLogger("jcstar.audit");

    public enum Event {
        LOGIN_SUCCESS, LOGIN_FAILURE, ACCOUNT_LOCKED, ACCOUNT_UNLOCKED, AUTHORIZATION_DENIED, ACCOUNT_REGISTERED,
        MFA_ENROLLED, MFA_FAILURE, LOGOUT, PASSWORD_CHANGED, API_TOKEN_CREATED, API_TOKEN_REVOKED, WORKFLOW_DECISION,
        DOCUMENT_UPLOADED, DOCUMENT_DOWNLOADED, DOCUMENT_INTEGRITY_FAILURE, TASK_CHANGED, REPORT_WITHDRAWN, REQUIREMENTS_LOADED
    }

    /** @param details further key/value pairs, in order; values are quoted and escaped */
    public void record(Event event, String user, String from, Map<String, ?> details) {
        // Login failures, lockouts, denials: counted for monitoring too (jcstar_security_events_total).
        Metrics.counter("jcstar.security.events", "event", event.name()).increment();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", user);
        fields.put("from", from);
        fields.put("at", Instant.now());
        fields.putAll(details);
        audit.info("event={} {}", event, fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + quote(field.getValue()))
                .collect(Collectors.joining(" ")));
    }

    public void record(Event event, String user, String from) {
        record(event, user, from, Map.of());
    }

    private static String quote(Object value) {
        if (value == null) {
            return "-";
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.toString().codePoints().forEach(c -> {
            if (c == '\\' || c == '"') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\r') {
                quoted.append("\\r");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                // No forged line, terminal escape or hidden bidi text in the trail: the character is shown by number.
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}

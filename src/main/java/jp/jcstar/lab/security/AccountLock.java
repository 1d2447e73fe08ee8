package jp.jcstar.lab.security;

import java.util.Map;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * An account has just been locked (failed passwords or failed second-factor codes): one audit line, and every browser
 * session of the account ends, so that a lock holds for every credential at once (its API tokens are refused while
 * it is locked: ApiCredentialsAuthenticationProvider).
 */
@Component
public class AccountLock {

    private final SessionRegistry sessions;
    private final SecurityAudit audit;

    public AccountLock(SessionRegistry sessions, SecurityAudit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    public void locked(String userId, String from, Map<String, ?> why) {
        audit.record(SecurityAudit.Event.ACCOUNT_LOCKED, userId, from, why);
        sessions.getAllSessions(userId, false).forEach(SessionInformation::expireNow);
    }
}

package jp.jcstar.lab.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import jp.jcstar.lab.security.AsApp;
import jp.jcstar.lab.Sha256;
import jp.jcstar.lab.security.PasswordRules;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who chooses a user's password. Accounts whose password someone else chose must have it replaced by their owner at
 * the next login, before the second factor can be enrolled, so that the person who registered an account can never
 * act as its owner. Every replacement by the owner goes through {@link #replace}.
 */
@Component
public class PasswordChangeRequirement {

    static final String GIVEN_PASSWORD = PasswordChangeRequirement.class.getName() + ".given";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final IdentityService identityService;

    public PasswordChangeRequirement(JdbcClient jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    public void require(String userId) {
        clear(userId);
        jdbc.sql("insert into password_change_required (user_id, since) values (?, ?)")
                .params(userId, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    public boolean required(String userId) {
        return jdbc.sql("select count(*) from password_change_required where user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    public void clear(String userId) {
        jdbc.sql("delete from password_change_required where user_id = ?").param(userId).update();
    }

    /**
     * Keeps a salted digest of the password the user just logged in with, so that the new one can be told apart from
     * it without another login attempt (which the engine would count as a failure).
     */
    public void rememberGiven(HttpSession session, String given) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        session.setAttribute(GIVEN_PASSWORD, new String[] {saltText, Sha256.hex(saltText + given)});
    }

    public boolean isGiven(HttpSession session, String candidate) {
        return session.getAttribute(GIVEN_PASSWORD) instanceof String[] given
                && Sha256.hex(given[0] + candidate).equals(given[1]);
    }

    /** The owner's own new password: checked against the policy, stored, and the requirement lifted. */
    public void replace(String userId, String newPassword) {
        List<String> problems = PasswordRules.problems(newPassword);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("newPassword: " + String.join("; ", problems));
        }
        AsApp.run(identityService, () -> {
            User account = identityService.createUserQuery().userId(userId).singleResult();
            account.setPassword(newPassword);
            identityService.saveUser(account);
            return null;
        });
        clear(userId);
    }
}

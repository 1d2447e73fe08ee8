package jp.jcstar.lab.security.login;

import java.util.List;

import jp.jcstar.lab.security.AsApp;
import jp.jcstar.lab.security.PasswordRules;
import jp.jcstar.lab.web.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A logged-in user changes its password; every session of the user ends, this one included, and its tokens die. */
@RestController
public class AccountPasswordController {

    private final IdentityService identityService;
    private final SessionTermination sessions;
    private final PasswordChangeRequirement passwordChange;

    public AccountPasswordController(IdentityService identityService, SessionTermination sessions,
                                     PasswordChangeRequirement passwordChange) {
        this.identityService = identityService;
        this.sessions = sessions;
        this.passwordChange = passwordChange;
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/api/account/password")
    public ResponseEntity<Void> change(@RequestBody PasswordChange change,
                                       org.springframework.security.core.Authentication user) {
        String userId = user.getName();
        if (change.currentPassword() == null || !identityService.checkPassword(userId, change.currentPassword())) {
            throw new InvalidInputException("currentPassword: not your current password");
        }
        List<String> problems = PasswordRules.problems(change.newPassword());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("newPassword: " + String.join("; ", problems));
        }
        AsApp.run(identityService, () -> {
            User account = identityService.createUserQuery().userId(userId).singleResult();
            account.setPassword(change.newPassword());
            identityService.saveUser(account);
            return null;
        });
        passwordChange.clear(userId);
        sessions.credentialsChanged(userId);
        return ResponseEntity.noContent().build();
    }
}

package jp.jcstar.lab.security.login;


import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
                                       Authentication user) {
        String userId = user.getName();
        if (change.currentPassword() == null || !identityService.checkPassword(userId, change.currentPassword())) {
            throw new InvalidInputException("currentPassword: not your current password");
        }
        passwordChange.replace(userId, change.newPassword());
        sessions.credentialsChanged(userId);
        return ResponseEntity.noContent().build();
    }
}

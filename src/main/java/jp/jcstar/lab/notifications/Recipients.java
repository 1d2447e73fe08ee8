package jp.jcstar.lab.notifications;

import java.util.List;
import java.util.Optional;

import jp.jcstar.lab.security.AsApp;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who a mail goes to, read from the engine's identity service as the app (the person whose action raised the mail
 * need not be allowed to read other users): a company's manufacturer users, a group's members, one user.
 */
@Component
public class Recipients {

    private final IdentityService identityService;

    /** Lazy: the engine's task listeners need this before the engine (and its identity service) exists. */
    public Recipients(@Lazy IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The users a company registered: members of its tenant and of the manufacturers group. */
    public List<Recipient> ofCompany(String companyId) {
        return AsApp.run(identityService, () -> identityService.createUserQuery().memberOfTenant(companyId)
                .memberOfGroup(Roles.MANUFACTURERS).orderByUserId().asc().list().stream().map(Recipients::of).toList());
    }

    public List<Recipient> ofGroup(String group) {
        return AsApp.run(identityService, () -> identityService.createUserQuery().memberOfGroup(group)
                .orderByUserId().asc().list().stream().map(Recipients::of).toList());
    }

    public Optional<Recipient> user(String userId) {
        return AsApp.run(identityService, () -> Optional.ofNullable(
                identityService.createUserQuery().userId(userId).singleResult()).map(Recipients::of));
    }

    private static Recipient of(User user) {
        String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().strip();
        return new Recipient(user.getId(), user.getFirstName(), user.getLastName(), email);
    }
}

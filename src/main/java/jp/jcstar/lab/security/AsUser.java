package jp.jcstar.lab.security;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine commands as the given user, with its groups and companies (tenants), as the API's requests run: for
 * a page that starts a process (the engine knows the user of API requests only), so that the engine's rules for that
 * user hold there too.
 */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T run(IdentityService identityService, LabUser user, Supplier<T> commands) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.id(), List.copyOf(user.groups()), List.copyOf(user.tenants()));
        try {
            return commands.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            } else {
                identityService.clearAuthentication();
            }
        }
    }
}

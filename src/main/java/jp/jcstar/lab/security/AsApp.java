package jp.jcstar.lab.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs identity changes as the app rather than as the calling user: the app has decided the caller may make them
 * (registering people, changing one's own password), without the caller holding Camunda Admin's permissions.
 */
public final class AsApp {

    private AsApp() {
    }

    public static <T> T run(IdentityService identityService, Supplier<T> change) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return change.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}

package jp.jcstar.lab.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the engine's users, so that /api, /engine-rest and the webapps share one set
 * of accounts (managed in Camunda Admin). The engine's own login throttling applies.
 * The authorities are the user's Camunda groups, prefixed {@code GROUP_}, and tenants (manufacturer companies, for
 * staff through their groups), prefixed {@code TENANT_}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";
    public static final String TENANT_PREFIX = "TENANT_";

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final AccountLock lock;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, ProcessEngine engine,
                                                 AccountLock lock) {
        this.identityService = identityService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.lock = lock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        boolean lockedBefore = userId != null && !userId.isBlank() && lockedForGood(userId);
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            if (!lockedBefore) {
                recordIfNowLocked(userId, authentication);
            }
            // One message whether or not the user exists, and whether or not it is locked.
            throw new BadCredentialsException("Invalid user name or password");
        }
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(userId));
        authenticated.setDetails(authentication.getDetails());
        return authenticated;
    }

    /**
     * What a user may do, as authorities: its Camunda groups ({@code GROUP_}) and tenants ({@code TENANT_}, staff
     * through their groups). The second factor, where one is needed, is not part of it.
     */
    public List<GrantedAuthority> authoritiesOf(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        identityService.createGroupQuery().groupMember(userId).list().forEach(group ->
                authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId())));
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().forEach(tenant ->
                authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + tenant.getId())));
        return authorities;
    }

    /** Failed logins in a row after which the engine locks an account (JCSTAR_LOGIN_MAX_ATTEMPTS). */
    public int maxAttempts() {
        return engineConfiguration.getLoginMaxAttempts();
    }

    private boolean lockedForGood(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user instanceof UserEntity entity && entity.getAttempts() >= maxAttempts();
    }

    /**
     * Whether the user still exists and is not locked: a token of a deleted or locked account opens nothing. The
     * engine locks an account for good once the failed logins reach the limit (until a lab manager unlocks it), and
     * for a growing delay after each failure before that.
     */
    public boolean usable(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return false;
        }
        if (!(user instanceof UserEntity entity)) {
            return true;
        }
        boolean lockedForGood = entity.getAttempts() >= maxAttempts();
        boolean delayed = entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().after(ClockUtil.getCurrentTime());
        return !lockedForGood && !delayed;
    }

    /** The failure that reached the engine's limit locks the account: recorded once, when it happens. */
    private void recordIfNowLocked(String userId, Authentication authentication) {
        if (userId == null || userId.isBlank()) {
            return;
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user instanceof UserEntity entity && entity.getAttempts() >= maxAttempts()) {
            lock.locked(userId, SecurityAuditListener.from(authentication), Map.of("failedAttempts", entity.getAttempts()));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

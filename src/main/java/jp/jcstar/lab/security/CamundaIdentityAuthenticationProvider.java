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
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, ProcessEngine engine,
                                                 AccountLock lock, JdbcClient jdbc) {
        this.identityService = identityService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.lock = lock;
        this.jdbc = jdbc;
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
        return standing(userId).authorities();
    }

    /**
     * Whether the account exists and is not locked, and its authorities.
     *
     * @param usable      the account exists and is not locked: not for good (the failed logins reached the limit,
     *                    until a lab manager unlocks it) and not for the growing delay after a failure before that
     * @param authorities its groups ({@code GROUP_}, by id) and tenants ({@code TENANT_}, by id; staff through their
     *                    groups)
     */
    public record Standing(boolean usable, List<GrantedAuthority> authorities) {
    }

    /**
     * The account's standing in one query, read on every call made with an API token: the engine's identity tables
     * (users, memberships, tenant memberships; the app manages its accounts in the engine's database, ADR 4), as the
     * engine's user, group and tenant queries read them, which would take three statements.
     */
    public Standing standing(String userId) {
        List<String[]> rows = jdbc.sql("""
                        select 'U' as kind, case when u.ATTEMPTS_ >= :max or u.LOCK_EXP_TIME_ > :now then 'locked'
                            else 'usable' end as name from ACT_ID_USER u where u.ID_ = :user
                        union all
                        select 'G', m.GROUP_ID_ from ACT_ID_MEMBERSHIP m where m.USER_ID_ = :user
                        union all
                        select 'T', tm.TENANT_ID_ from ACT_ID_TENANT_MEMBER tm where tm.USER_ID_ = :user
                            or tm.GROUP_ID_ in (select m.GROUP_ID_ from ACT_ID_MEMBERSHIP m where m.USER_ID_ = :user)""")
                .param("user", userId).param("max", maxAttempts()).param("now", ClockUtil.getCurrentTime())
                .query((rs, row) -> new String[] {rs.getString("kind"), rs.getString("name")}).list();
        boolean usable = rows.stream().anyMatch(row -> row[0].equals("U") && row[1].equals("usable"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        rows.stream().filter(row -> row[0].equals("G")).map(row -> row[1]).sorted().distinct()
                .forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group)));
        rows.stream().filter(row -> row[0].equals("T")).map(row -> row[1]).sorted().distinct()
                .forEach(tenant -> authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + tenant)));
        return new Standing(usable, List.copyOf(authorities));
    }

    /** Failed logins in a row after which the engine locks an account (JCSTAR_LOGIN_MAX_ATTEMPTS). */
    public int maxAttempts() {
        return engineConfiguration.getLoginMaxAttempts();
    }

    private boolean lockedForGood(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user instanceof UserEntity entity && entity.getAttempts() >= maxAttempts();
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

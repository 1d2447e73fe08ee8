package jp.jcstar.lab.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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

    public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            // One message whether or not the user exists.
            throw new BadCredentialsException("Invalid user name or password");
        }
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        identityService.createGroupQuery().groupMember(userId).list().forEach(group ->
                authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group.getId())));
        identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().forEach(tenant ->
                authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + tenant.getId())));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package jp.jcstar.lab.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated caller of an API: user ID, Camunda groups and tenants (manufacturer companies), as the security
 * chain established them.
 */
public record LabUser(String id, Set<String> groups, Set<String> tenants) {

    public static LabUser of(Authentication authentication) {
        return new LabUser(authentication.getName(),
                withPrefix(authentication, CamundaIdentityAuthenticationProvider.GROUP_PREFIX),
                withPrefix(authentication, CamundaIdentityAuthenticationProvider.TENANT_PREFIX));
    }

    /** Lab staff and administrators see every company's assessments; a manufacturer's user only its own. */
    public boolean seesEveryCompany() {
        return isInAny(Roles.LAB_STAFF) || groups.contains(Roles.ADMINS);
    }

    private static Set<String> withPrefix(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(prefix))
                .map(authority -> authority.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isInAny(Collection<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }
}

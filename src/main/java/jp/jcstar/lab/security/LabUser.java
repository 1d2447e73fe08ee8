package jp.jcstar.lab.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller of an API: user ID and Camunda groups, as the security chain established them. */
public record LabUser(String id, Set<String> groups) {

    public static LabUser of(Authentication authentication) {
        return new LabUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isInAny(Collection<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }
}

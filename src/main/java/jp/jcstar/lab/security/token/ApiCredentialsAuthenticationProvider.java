package jp.jcstar.lab.security.token;

import java.util.List;
import java.util.Optional;

import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic on /api and /engine-rest: the password may be a personal API token of that user, or the user's password
 * for accounts without a second factor. An account that needs a second factor (lab staff, administrators, enrolled
 * manufacturers) never authenticates an API call with its password alone, nor does a password someone else chose.
 */
@Component
public class ApiCredentialsAuthenticationProvider implements AuthenticationProvider {

    private final CamundaIdentityAuthenticationProvider passwords;
    private final ApiTokenService tokens;
    private final SecondFactorService secondFactor;
    private final PasswordChangeRequirement passwordChange;

    public ApiCredentialsAuthenticationProvider(CamundaIdentityAuthenticationProvider passwords, ApiTokenService tokens,
                                                SecondFactorService secondFactor,
                                                PasswordChangeRequirement passwordChange) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.passwordChange = passwordChange;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String credentials = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (credentials != null && credentials.startsWith(ApiTokenService.PREFIX)) {
            String owner = ownerOf(credentials)
                    .filter(user -> user.equals(authentication.getName()))
                    .orElseThrow(() -> new BadCredentialsException("Invalid user name or password"));
            return byToken(owner, authentication);
        }
        Authentication byPassword = passwords.authenticate(authentication);
        if (secondFactor.required(byPassword.getName(), LabUser.of(byPassword).groups())
                || passwordChange.required(byPassword.getName())) {
            throw new BadCredentialsException("Invalid user name or password");
        }
        return byPassword;
    }

    /**
     * The owner of a valid token whose account still exists and is not locked, by failed passwords or by failed
     * second-factor codes: a lock holds for every credential.
     */
    public Optional<String> ownerOf(String token) {
        return tokens.owner(token).filter(passwords::usable).filter(owner -> !secondFactor.lockedOut(owner));
    }

    /** An authenticated token's owner, with its groups and tenants. */
    public Authentication byToken(String owner, Authentication request) {
        List<GrantedAuthority> authorities = passwords.authoritiesOf(owner);
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(owner, null, authorities);
        authenticated.setDetails(request.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

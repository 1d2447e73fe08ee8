package jp.jcstar.lab.security.token;

import java.util.Optional;

import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    public ApiCredentialsAuthenticationProvider(CamundaIdentityAuthenticationProvider passwords, ApiTokenService tokens,
                                                SecondFactorService secondFactor,
                                                PasswordChangeRequirement passwordChange,
                                                PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.passwords = passwords;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.passwordChange = passwordChange;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String credentials = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        if (credentials != null && credentials.startsWith(ApiTokenService.PREFIX)) {
            return byToken(credentials, authentication, authentication.getName())
                    .orElseThrow(() -> new BadCredentialsException("Invalid user name or password"));
        }
        Authentication byPassword = passwords.authenticate(authentication);
        if (secondFactor.required(byPassword.getName(), LabUser.of(byPassword).groups())
                || passwordChange.required(byPassword.getName())) {
            throw new BadCredentialsException("Invalid user name or password");
        }
        return byPassword;
    }

    /**
     * A valid token's owner, authenticated with its groups and tenants: the owner's account still exists and is not
     * locked, by failed passwords or by failed second-factor codes (a lock holds for every credential). One
     * transaction for the token, the account and its groups: the request's own, when it has one. Empty for an invalid
     * token, or one of another user than {@code expectedUser} (when given).
     */
    public Optional<Authentication> byToken(String token, Authentication request, String expectedUser) {
        return transactions.execute(status -> tokens.owner(token)
                .filter(owner -> expectedUser == null || owner.equals(expectedUser))
                .flatMap(owner -> {
                    CamundaIdentityAuthenticationProvider.Standing standing = passwords.standing(owner);
                    if (!standing.usable()) {
                        return Optional.empty();
                    }
                    UsernamePasswordAuthenticationToken authenticated =
                            UsernamePasswordAuthenticationToken.authenticated(owner, null, standing.authorities());
                    authenticated.setDetails(request.getDetails());
                    return Optional.of((Authentication) authenticated);
                }));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

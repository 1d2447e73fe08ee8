package jp.jcstar.lab.security.login;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * After a correct password: first a new password where someone else chose the current one, then the second factor
 * (or its enrolment), or straight in for accounts without one.
 */
@Component
public class PasswordStepHandler implements AuthenticationSuccessHandler {

    static final String HOME = "/camunda/app/tasklist/default/";

    private final SecondFactorService secondFactor;
    private final PasswordChangeRequirement passwordChange;
    private final CamundaIdentityAuthenticationProvider identities;
    private final SecurityAudit audit;

    public PasswordStepHandler(SecondFactorService secondFactor, PasswordChangeRequirement passwordChange,
                               CamundaIdentityAuthenticationProvider identities, SecurityAudit audit) {
        this.secondFactor = secondFactor;
        this.passwordChange = passwordChange;
        this.identities = identities;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        // The login has just replaced the CSRF token (Spring Security's CsrfAuthenticationStrategy, which clears the
        // cookie); the new one goes out with this answer, so that a script can post the next step at once (README).
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken fresh) {
            fresh.getToken();
        }
        if (passwordChange.required(authentication.getName())) {
            passwordChange.rememberGiven(request.getSession(), request.getParameter("password"));
            Factors.store(Factors.passwordOnly(authentication.getName(), authentication.getDetails()), request,
                    response, false);
            response.sendRedirect("/login/password");
            return;
        }
        continueAfterPassword(authentication.getName(), authentication.getDetails(), request, response);
    }

    /** The second factor (or its enrolment) where one is needed, else straight in. */
    void continueAfterPassword(String userId, Object details, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<GrantedAuthority> authorities = identities.authoritiesOf(userId);
        Authentication complete = Factors.complete(userId, authorities, details);
        if (secondFactor.required(userId, LabUser.of(complete).groups())) {
            Factors.store(Factors.passwordOnly(userId, details), request, response, false);
            response.sendRedirect(secondFactor.enrolled(userId) ? "/login/mfa" : "/login/mfa/enrol");
            return;
        }
        Factors.store(complete, request, response, false);
        // One line per completed login; a login that needs a second factor is recorded when that is given.
        audit.record(SecurityAudit.Event.LOGIN_SUCCESS, userId, request.getRemoteAddr(), Map.of("factors", 1));
        response.sendRedirect(HOME);
    }
}

package jp.jcstar.lab.security.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** After a correct password: on to the second factor (or its enrolment), or straight in for accounts without one. */
@Component
public class PasswordStepHandler implements AuthenticationSuccessHandler {

    static final String HOME = "/camunda/app/tasklist/default/";

    private final SecondFactorService secondFactor;

    public PasswordStepHandler(SecondFactorService secondFactor) {
        this.secondFactor = secondFactor;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        LabUser user = LabUser.of(authentication);
        if (secondFactor.required(user.id(), user.groups())) {
            Factors.store(Factors.passwordOnly(user.id(), authentication.getDetails()), request, response, false);
            response.sendRedirect(secondFactor.enrolled(user.id()) ? "/login/mfa" : "/login/mfa/enrol");
            return;
        }
        Factors.store(Factors.complete(user.id(), java.util.List.copyOf(authentication.getAuthorities()),
                authentication.getDetails()), request, response, false);
        response.sendRedirect(HOME);
    }
}

package jp.jcstar.lab.security.login;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.security.AccountLock;
import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.PasswordRules;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.SecurityAuditListener;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login pages in front of Tasklist, Cockpit and Admin: password, then the second factor (or its enrolment with
 * recovery codes). Templates under {@code templates/login/}, in Japanese and English; plain HTML forms without
 * script, so that a script with curl can walk them too (README).
 */
@Controller
public class LoginController {

    /** Why the new-password page refused a password, besides {@link PasswordRules.Problem#code()}. */
    static final String SAME_AS_GIVEN = "given";
    static final String REFUSED_BY_ENGINE = "refused";

    private final SecondFactorService secondFactor;
    private final CamundaIdentityAuthenticationProvider identities;
    private final SecurityAudit audit;
    private final PasswordChangeRequirement passwordChange;
    private final PasswordStepHandler passwordStep;
    private final AccountLock lock;

    public LoginController(SecondFactorService secondFactor, CamundaIdentityAuthenticationProvider identities,
                           SecurityAudit audit, PasswordChangeRequirement passwordChange,
                           PasswordStepHandler passwordStep, AccountLock lock) {
        this.lock = lock;
        this.secondFactor = secondFactor;
        this.identities = identities;
        this.audit = audit;
        this.passwordChange = passwordChange;
        this.passwordStep = passwordStep;
    }

    /** The first login of an account someone else registered: its owner chooses its own password. */
    @GetMapping("/login/password")
    public String newPasswordPage(@RequestParam(required = false) String error, Authentication authentication,
                                  Model model) {
        if (!Factors.passwordOnly(authentication) || !passwordChange.required(authentication.getName())) {
            return "redirect:/login";
        }
        model.addAttribute("refusal", error);
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordRules.MAX_LENGTH);
        return "login/password";
    }

    @PostMapping("/login/password")
    public void newPassword(@RequestParam String newPassword, Authentication authentication,
                            HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Factors.passwordOnly(authentication) || !passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return;
        }
        String userId = authentication.getName();
        // The page says why in both languages from a code; no text travels in the URL.
        Optional<String> refusal = passwordChange.isGiven(request.getSession(), newPassword)
                ? Optional.of(SAME_AS_GIVEN) : PasswordRules.problem(newPassword).map(PasswordRules.Problem::code);
        if (refusal.isEmpty()) {
            try {
                passwordChange.replace(userId, newPassword);
            } catch (InvalidInputException refused) {
                refusal = Optional.of(REFUSED_BY_ENGINE);
            }
        }
        if (refusal.isPresent()) {
            response.sendRedirect("/login/password?error=" + refusal.get());
            return;
        }
        audit.record(SecurityAudit.Event.PASSWORD_CHANGED, userId, SecurityAuditListener.from(authentication));
        passwordStep.continueAfterPassword(userId, authentication.getDetails(), request, response);
    }

    /** {@code ?error} (wrong password), {@code ?locked}, {@code ?expired}, {@code ?logout}: the page says which. */
    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("maxAttempts", identities.maxAttempts());
        return "login/login";
    }

    @GetMapping("/login/mfa")
    public String secondFactorPage(Authentication authentication, Model model) {
        if (!Factors.passwordOnly(authentication) || passwordChange.required(authentication.getName())) {
            return "redirect:/login";
        }
        model.addAttribute("maxFailures", SecondFactorService.MAX_FAILURES);
        return "login/mfa";
    }

    @PostMapping("/login/mfa")
    public void secondFactor(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        if (!Factors.passwordOnly(authentication) || passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return;
        }
        String userId = authentication.getName();
        if (!secondFactor.verify(userId, code)) {
            audit.record(SecurityAudit.Event.MFA_FAILURE, userId, SecurityAuditListener.from(authentication));
            if (secondFactor.lockedOut(userId)) {
                lock.locked(userId, SecurityAuditListener.from(authentication),
                        Map.of("reason", "second factor", "failedAttempts", SecondFactorService.MAX_FAILURES));
                request.getSession().invalidate();
                // Whoever gets here gave the right password: telling it the account is locked reveals nothing new.
                response.sendRedirect("/login?locked");
                return;
            }
            response.sendRedirect("/login/mfa?error");
            return;
        }
        Factors.store(Factors.complete(userId, identities.authoritiesOf(userId), authentication.getDetails()),
                request, response, true);
        audit.record(SecurityAudit.Event.LOGIN_SUCCESS, userId, SecurityAuditListener.from(authentication),
                Map.of("factors", 2));
        response.sendRedirect(PasswordStepHandler.HOME);
    }

    /** Enrolment: after the password for staff who have none yet, or at any time for a logged-in manufacturer. */
    @GetMapping("/login/mfa/enrol")
    public String enrolPage(Authentication authentication, Model model) {
        if (!(Factors.passwordOnly(authentication) || Factors.complete(authentication))
                || secondFactor.enrolled(authentication.getName()) || passwordChange.required(authentication.getName())) {
            return "redirect:/login";
        }
        model.addAttribute("enrolment", secondFactor.startEnrolment(authentication.getName()));
        // A manufacturer who enrols by choice is already logged in: its page has the app's bar.
        model.addAttribute("loggedIn", Factors.complete(authentication));
        return "login/enrol";
    }

    @PostMapping("/login/mfa/enrol")
    public String enrol(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        if (!(Factors.passwordOnly(authentication) || Factors.complete(authentication))
                || passwordChange.required(authentication.getName())) {
            return "redirect:/login";
        }
        String userId = authentication.getName();
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactor.confirmEnrolment(userId, code, SecurityAuditListener.from(authentication));
        } catch (InvalidInputException refused) {
            return "redirect:/login/mfa/enrol?error";
        }
        Factors.store(Factors.complete(userId, identities.authoritiesOf(userId), authentication.getDetails()),
                request, response, true);
        audit.record(SecurityAudit.Event.LOGIN_SUCCESS, userId, SecurityAuditListener.from(authentication),
                Map.of("factors", 2));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("home", PasswordStepHandler.HOME);
        return "login/recovery-codes";
    }
}

package jp.jcstar.lab.security.login;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.security.AccountLock;
import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.SecurityAuditListener;
import jp.jcstar.lab.security.mfa.SecondFactorService;
import jp.jcstar.lab.web.HtmlPage;
import jp.jcstar.lab.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login pages in front of Tasklist, Cockpit and Admin: password, then the second factor (or its enrolment with
 * recovery codes). Plain HTML forms, so that a script with curl can walk them too (README).
 */
@Controller
public class LoginController {

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
    @GetMapping(value = "/login/password", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String newPasswordPage(@RequestParam(required = false) String error, Authentication authentication,
                                  CsrfToken csrf, HttpServletResponse response) throws java.io.IOException {
        if (!Factors.passwordOnly(authentication) || !passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return null;
        }
        return HtmlPage.form("新しいパスワード / Choose your password", (error != null
                ? "<p class=error>" + HtmlUtils.htmlEscape(error) + "</p>" : "")
                + "<p>Someone else chose your current password. Choose your own: 12 to 128 characters, not a "
                + "commonly used password.</p>"
                + "<form method=post action=/login/password>" + HtmlPage.hidden(csrf)
                + "<label>New password / 新しいパスワード <input name=newPassword type=password autocomplete=new-password required></label>"
                + "<button>Save</button></form>");
    }

    @PostMapping("/login/password")
    public void newPassword(@RequestParam String newPassword, Authentication authentication,
                            HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        if (!Factors.passwordOnly(authentication) || !passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return;
        }
        String userId = authentication.getName();
        try {
            if (passwordChange.isGiven(request.getSession(), newPassword)) {
                throw new InvalidInputException("choose a password other than the one you were given");
            }
            passwordChange.replace(userId, newPassword);
        } catch (InvalidInputException refused) {
            response.sendRedirect("/login/password?error=" + java.net.URLEncoder.encode(
                    refused.getMessage().replaceFirst("^newPassword: ", ""), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        audit.record(SecurityAudit.Event.PASSWORD_CHANGED, userId, SecurityAuditListener.from(authentication));
        passwordStep.continueAfterPassword(userId, authentication.getDetails(), request, response);
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                        CsrfToken csrf) {
        return HtmlPage.form("ログイン / Log in", (error != null ? "<p class=error>Invalid user name or password.</p>" : "")
                + (logout != null ? "<p>You have logged out.</p>" : "")
                + "<form method=post action=/login>" + HtmlPage.hidden(csrf)
                + "<label>User / ユーザー <input name=username autocomplete=username required></label>"
                + "<label>Password / パスワード <input name=password type=password autocomplete=current-password required></label>"
                + "<button>Log in</button></form>");
    }

    @GetMapping(value = "/login/mfa", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String secondFactorPage(@RequestParam(required = false) String error, Authentication authentication,
                                   CsrfToken csrf, HttpServletResponse response) throws java.io.IOException {
        if (!Factors.passwordOnly(authentication) || passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return null;
        }
        return HtmlPage.form("二要素認証 / Second factor", (error != null ? "<p class=error>That code was not accepted.</p>" : "")
                + "<form method=post action=/login/mfa>" + HtmlPage.hidden(csrf)
                + "<label>Code from your authenticator app, or a recovery code <input name=code autocomplete=one-time-code required></label>"
                + "<button>Continue</button></form>");
    }

    @PostMapping("/login/mfa")
    public void secondFactor(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                             HttpServletResponse response) throws java.io.IOException {
        if (!Factors.passwordOnly(authentication) || passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return;
        }
        String userId = authentication.getName();
        if (!secondFactor.verify(userId, code)) {
            audit.record(SecurityAudit.Event.MFA_FAILURE, userId, SecurityAuditListener.from(authentication));
            if (secondFactor.lockedOut(userId)) {
                lock.locked(userId, SecurityAuditListener.from(authentication),
                        java.util.Map.of("reason", "second factor", "failedAttempts", SecondFactorService.MAX_FAILURES));
                request.getSession().invalidate();
                response.sendRedirect("/login?error");
                return;
            }
            response.sendRedirect("/login/mfa?error");
            return;
        }
        Factors.store(Factors.complete(userId, identities.authoritiesOf(userId), authentication.getDetails()),
                request, response, true);
        audit.record(SecurityAudit.Event.LOGIN_SUCCESS, userId, SecurityAuditListener.from(authentication),
                java.util.Map.of("factors", 2));
        response.sendRedirect(PasswordStepHandler.HOME);
    }

    /** Enrolment: after the password for staff who have none yet, or at any time for a logged-in manufacturer. */
    @GetMapping(value = "/login/mfa/enrol", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String enrolPage(@RequestParam(required = false) String error, Authentication authentication,
                            CsrfToken csrf, HttpServletResponse response) throws java.io.IOException {
        if (!(Factors.passwordOnly(authentication) || Factors.complete(authentication))
                || secondFactor.enrolled(authentication.getName()) || passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return null;
        }
        SecondFactorService.Enrolment enrolment = secondFactor.startEnrolment(authentication.getName());
        return HtmlPage.form("二要素認証の登録 / Set up the second factor",
                (error != null ? "<p class=error>That code was not accepted; scan the new code below.</p>" : "")
                + "<p>Scan this code with an authenticator app (RFC 6238 TOTP), or enter the secret by hand.</p>"
                + "<img alt='QR code' src='" + enrolment.qrCodeDataUri() + "'>"
                + "<p>Secret: <code id=secret>" + enrolment.secret() + "</code></p>"
                + "<p><small>" + HtmlUtils.htmlEscape(enrolment.otpauthUri()) + "</small></p>"
                + "<form method=post action=/login/mfa/enrol>" + HtmlPage.hidden(csrf)
                + "<label>Code shown by the app <input name=code autocomplete=one-time-code required></label>"
                + "<button>Confirm</button></form>");
    }

    @PostMapping(value = "/login/mfa/enrol", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String enrol(@RequestParam String code, Authentication authentication, HttpServletRequest request,
                        HttpServletResponse response) throws java.io.IOException {
        if (!(Factors.passwordOnly(authentication) || Factors.complete(authentication))
                || passwordChange.required(authentication.getName())) {
            response.sendRedirect("/login");
            return null;
        }
        String userId = authentication.getName();
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactor.confirmEnrolment(userId, code, SecurityAuditListener.from(authentication));
        } catch (InvalidInputException refused) {
            response.sendRedirect("/login/mfa/enrol?error");
            return null;
        }
        Factors.store(Factors.complete(userId, identities.authoritiesOf(userId), authentication.getDetails()),
                request, response, true);
        audit.record(SecurityAudit.Event.LOGIN_SUCCESS, userId, SecurityAuditListener.from(authentication),
                java.util.Map.of("factors", 2));
        StringBuilder codes = new StringBuilder("<ol id=recovery-codes>");
        recoveryCodes.forEach(recovery -> codes.append("<li><code>").append(recovery).append("</code></li>"));
        return HtmlPage.form("回復コード / Recovery codes", "<p>Your second factor is set up. Keep these recovery codes somewhere "
                + "safe: each one logs you in once if you lose your authenticator app. They are shown only now.</p>"
                + codes + "</ol><p><a href='" + PasswordStepHandler.HOME + "'>Continue to Tasklist</a></p>");
    }
}

package jp.jcstar.lab.security.login;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.security.PasswordChangeRequirement;
import jp.jcstar.lab.security.token.ApiTokenService;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends every browser session and revokes every API token of a user whose password changed, wherever it was changed:
 * the app's {@code /api/account/password}, Camunda Admin ("My Profile", or an administrator resetting it) or
 * {@code /engine-rest/user/{id}/credentials}.
 */
@Component
public class SessionTermination {

    private final SessionRegistry sessions;
    private final ApiTokenService tokens;
    private final PasswordChangeRequirement passwordChange;

    public SessionTermination(SessionRegistry sessions, ApiTokenService tokens, PasswordChangeRequirement passwordChange) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwordChange = passwordChange;
    }

    public void credentialsChanged(String userId) {
        sessions.getAllSessions(userId, false).forEach(SessionInformation::expireNow);
        tokens.revokeAll(userId);
    }

    /** Watches Camunda's credential endpoints and ends the sessions after a successful change. */
    public OncePerRequestFilter afterCredentialChanges() {
        Pattern credentials = Pattern.compile(".*/user/([^/]+)/credentials/?");
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                Matcher changed = credentials.matcher(request.getRequestURI());
                if ("PUT".equals(request.getMethod()) && changed.matches() && response.getStatus() < 300) {
                    String userId = URLDecoder.decode(changed.group(1), StandardCharsets.UTF_8);
                    // Set by someone else (an administrator's reset): the owner chooses a new one at the next login.
                    if (userId.equals(request.getRemoteUser())) {
                        passwordChange.clear(userId);
                    } else {
                        passwordChange.require(userId);
                    }
                    credentialsChanged(userId);
                }
            }
        };
    }
}

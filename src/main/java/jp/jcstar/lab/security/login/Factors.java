package jp.jcstar.lab.security.login;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The two steps of a browser login. After the password a session holds only {@link #PASSWORD_ONLY} (enough to give
 * the second factor, nothing else); after the second factor, or for an account without one, it holds the user's
 * groups and tenants and {@link #COMPLETE}, which the webapps and /api/account require.
 */
public final class Factors {

    public static final String PASSWORD_ONLY = "FACTOR_PASSWORD_ONLY";
    public static final String COMPLETE = "FACTOR_COMPLETE";
    static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private Factors() {
    }

    static boolean passwordOnly(Authentication authentication) {
        return has(authentication, PASSWORD_ONLY);
    }

    static boolean complete(Authentication authentication) {
        return has(authentication, COMPLETE);
    }

    /** Replaces the session's authentication; with a new session id when the login steps up. */
    static void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                      boolean newSessionId) {
        if (newSessionId) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }

    static Authentication passwordOnly(String userId, Object details) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(userId, null,
                List.of(new SimpleGrantedAuthority(PASSWORD_ONLY)));
        token.setDetails(details);
        return token;
    }

    static Authentication complete(String userId, List<GrantedAuthority> authorities, Object details) {
        List<GrantedAuthority> all = new ArrayList<>(authorities);
        all.add(new SimpleGrantedAuthority(COMPLETE));
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(userId, null, all);
        token.setDetails(details);
        return token;
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(granted -> authority.equals(granted.getAuthority()));
    }
}

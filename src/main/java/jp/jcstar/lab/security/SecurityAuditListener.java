package jp.jcstar.lab.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Turns Spring Security's authentication and authorization events into audit events. */
@Component
public class SecurityAuditListener {

    private final SecurityAudit audit;

    public SecurityAuditListener(SecurityAudit audit) {
        this.audit = audit;
    }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        audit.record(SecurityAudit.Event.LOGIN_FAILURE, event.getAuthentication().getName(),
                from(event.getAuthentication()), Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    @EventListener
    public void denied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        String resource = event.getSource() instanceof HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI() : String.valueOf(event.getSource());
        audit.record(SecurityAudit.Event.AUTHORIZATION_DENIED, authentication.getName(), from(authentication),
                Map.of("resource", resource));
    }

    public static String from(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}

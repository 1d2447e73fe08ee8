package jp.jcstar.lab.security.token;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer jcs_...}: a personal API token authenticates its owner for this request. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiCredentialsAuthenticationProvider provider;
    private final AuthenticationEventPublisher events;

    public BearerTokenFilter(ApiCredentialsAuthenticationProvider provider, AuthenticationEventPublisher events) {
        this.provider = provider;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("bearer", null);
        attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        Authentication authenticated = provider.byToken(token, attempt, null).orElse(null);
        if (authenticated == null) {
            events.publishAuthenticationFailure(new BadCredentialsException("Invalid API token"), attempt);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Invalid API token");
            return;
        }
        events.publishAuthenticationSuccess(authenticated);
        SecurityContextHolder.getContext().setAuthentication(authenticated);
        chain.doFilter(request, response);
    }
}

package jp.jcstar.lab.security.config;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.security.CamundaIdentityAuthenticationProvider;
import jp.jcstar.lab.security.EngineAuthenticationFilter;
import jp.jcstar.lab.security.EngineDenials;
import jp.jcstar.lab.security.EngineRequestGuard;
import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import jp.jcstar.lab.security.SecurityAudit;
import jp.jcstar.lab.security.login.Factors;
import jp.jcstar.lab.security.login.PasswordStepHandler;
import jp.jcstar.lab.security.login.SessionTermination;
import jp.jcstar.lab.security.token.ApiCredentialsAuthenticationProvider;
import jp.jcstar.lab.security.token.BearerTokenFilter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two ways in, one set of users (the engine's):
 * <ul>
 * <li>the APIs ({@code /api/**} but {@code /api/account/**}, and Camunda's {@code /engine-rest/**}): stateless HTTP
 * Basic or Bearer with a personal API token; a password only for accounts without a second factor;</li>
 * <li>everything else (Tasklist, Cockpit, Admin, {@code /api/account/**}): one login page with the second factor, a
 * session with CSRF protection, handed to the Camunda webapps as the container's user.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

    static final String ADMIN_AUTHORITY = CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Roles.ADMINS;
    /** Our pages and APIs; the Camunda webapps send their own Content-Security-Policy. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                    + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiCredentialsAuthenticationProvider credentials,
                                    AuthenticationEventPublisher events) throws Exception {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("JC-STAR lab");
        // Path patterns on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's, and an MVC
        // matcher would let it through.
        http.securityMatcher(new OrRequestMatcher(
                        new NegatedRequestMatcherAnd(path("/api/**"), path("/api/account/**")),
                        path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        // A load balancer's or orchestrator's probe has no login: UP or DOWN, nothing more.
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health/liveness"),
                                path(HttpMethod.GET, "/actuator/health/readiness"))
                        .permitAll()
                        // Health details and metrics: lab managers (and a monitoring account in that group) and
                        // administrators, with an API token.
                        .requestMatchers(path("/actuator/**"))
                        .hasAnyAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + Roles.LAB_MANAGERS,
                                ADMIN_AUTHORITY)
                        // Only process administrators deploy (Camunda Modeler's Deploy button) or remove deployments.
                        .requestMatchers(path(HttpMethod.POST, "/engine-rest/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/deployment/**"), path("/api/admin/**"))
                        .hasAuthority(ADMIN_AUTHORITY)
                        // Process variables change only through the forms' own fields (/api/tasks/{id}/complete,
                        // Tasklist) for manufacturers: never directly through Camunda's API.
                        .requestMatchers(path("/engine-rest/task/*/variables/**"), path("/engine-rest/task/*/localVariables/**"),
                                path("/engine-rest/process-instance/*/variables/**"),
                                path("/engine-rest/execution/*/localVariables/**"))
                        .access((authentication, request) -> new AuthorizationDecision(
                                "GET".equals(request.getRequest().getMethod())
                                        || LabUser.of(authentication.get()).seesEveryCompany()))
                        .anyRequest().authenticated())
                .authenticationProvider(credentials)
                .addFilterBefore(new BearerTokenFilter(credentials, events), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie authenticates these paths, so there is nothing for a forged cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider passwords,
                                        PasswordStepHandler passwordStep, SessionRegistry sessionRegistry,
                                        SecurityAudit audit) throws Exception {
        RequestMatcher camunda = path("/camunda/**");
        http.authorizeHttpRequests(auth -> auth
                        // The Admin webapp's initial setup (create the first administrator when none exists) is closed
                        // for good: the app creates the administrator itself. Camunda's own password login is closed
                        // too: it would skip the second factor.
                        .requestMatchers(path("/camunda/api/admin/setup/**"),
                                path("/camunda/api/admin/auth/user/*/login/**"))
                        .denyAll()
                        .requestMatchers(path("/login"), path("/login/password"), path("/login/mfa"),
                                path("/login/mfa/enrol"), path("/error"), path("/css/**"))
                        .permitAll()
                        // An issued report's public verification page: whoever holds the PDF, with no account.
                        .requestMatchers(path(HttpMethod.GET, "/verify"), path(HttpMethod.GET, "/verify/*"),
                                path(HttpMethod.POST, "/verify/*"))
                        .permitAll()
                        .anyRequest().hasAuthority(Factors.COMPLETE))
                .authenticationProvider(passwords)
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .successHandler(passwordStep).failureUrl("/login?error").permitAll())
                .logout(logout -> logout(logout, audit))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // The webapps' own CSRF filter guards /camunda/api (X-XSRF-TOKEN).
                        .ignoringRequestMatchers(camunda))
                .addFilterAfter(new CsrfCookieOnEveryResponse(), CsrfFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession())
                        // Every session is registered, so that a password change can end them all.
                        .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camunda),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(SecurityConfig::denied));
        return http.build();
    }

    /** Ends the session on the app's logout and on the webapps' (Tasklist, Cockpit, Admin), audited. */
    private static void logout(LogoutConfigurer<HttpSecurity> logout, SecurityAudit audit) {
        logout.logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"),
                        path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout")))
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.record(SecurityAudit.Event.LOGOUT, authentication.getName(), request.getRemoteAddr());
                    }
                })
                .logoutSuccessUrl("/login?logout").invalidateHttpSession(true).clearAuthentication(true)
                .deleteCookies("JSESSIONID");
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        // Camunda's webapps use XSRF-TOKEN for their own CSRF protection; ours has its own names.
        csrfTokens.setCookieName("JCSTAR-CSRF");
        csrfTokens.setHeaderName("X-JCSTAR-CSRF");
        // Secure follows the request (always over TLS); SameSite keeps it off other sites' requests.
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return csrfTokens;
    }

    /** A logged-in person without the second factor yet is sent to give it; everyone else gets the 403 page. */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (request.getUserPrincipal() != null && request.getRequestURI().startsWith("/camunda/app")) {
            response.sendRedirect("/login/mfa");
        } else {
            response.sendError(403);
        }
    }

    /**
     * Writes the CSRF cookie on every response, so that scripts (and the pages after a login, when the token
     * changes) always have the current one to send back as X-JCSTAR-CSRF.
     */
    private static final class CsrfCookieOnEveryResponse extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrfToken) {
                csrfToken.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Keeps the session registry in step with the container's sessions (expiry, id changes). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionsEndAfterPasswordChange(SessionTermination sessions) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(sessions.afterCredentialChanges());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(2);
        return registration;
    }

    /** Publishes denied authorizations, which {@link SecurityAuditListener} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Tasklist, Cockpit and Admin take the user the login established, with its groups and tenants. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // After Spring Security's filter chain (order -100).
        registration.setOrder(101);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineDenials> engineDenials(SecurityAudit audit) {
        FilterRegistrationBean<EngineDenials> registration = new FilterRegistrationBean<>(new EngineDenials(audit));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard() {
        FilterRegistrationBean<EngineRequestGuard> registration = new FilterRegistrationBean<>(new EngineRequestGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(IdentityService identityService) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        // After Spring Security's filter chain (order -100), before the servlets.
        registration.setOrder(0);
        return registration;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /** Requests matching the first matcher but not the second. */
    private record NegatedRequestMatcherAnd(RequestMatcher included, RequestMatcher excluded) implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            return included.matches(request) && !excluded.matches(request);
        }
    }
}

package jp.jcstar.lab.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * In front of both engine APIs (/engine-rest and the webapps' /camunda/api/engine):
 * <ul>
 * <li>Camunda reports a resource of another manufacturer company as a 500 that names it ("... belongs to no
 * authenticated tenant"): here it is simply not found (404);</li>
 * <li>every refusal by the engine (its authorization check: 403, or another company's resource) is audited.</li>
 * </ul>
 */
public class EngineDenials extends OncePerRequestFilter {

    static final String OTHER_TENANT = "belongs to no authenticated tenant";

    private final SecurityAudit audit;

    public EngineDenials(SecurityAudit audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        boolean otherTenant = captured.getStatus() >= 500
                && new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8).contains(OTHER_TENANT);
        if (otherTenant) {
            captured.resetBuffer();
            captured.setStatus(HttpServletResponse.SC_NOT_FOUND);
            captured.setContentType("application/json");
            captured.getOutputStream().write("{\"type\":\"NotFound\",\"message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
        }
        if (otherTenant || captured.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            audit.record(SecurityAudit.Event.AUTHORIZATION_DENIED, request.getRemoteUser(), request.getRemoteAddr(),
                    Map.of("resource", request.getMethod() + " " + request.getRequestURI(),
                            "reason", otherTenant ? "another company's resource" : "engine authorization"));
        }
        captured.copyBodyToResponse();
    }
}

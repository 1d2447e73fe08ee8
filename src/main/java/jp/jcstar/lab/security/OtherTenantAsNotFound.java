package jp.jcstar.lab.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' engine API (/camunda/api/engine) reports a resource of another manufacturer company as a 500 that
 * names it ("... belongs to no authenticated tenant"). Here it is simply not found, as on /engine-rest.
 */
public class OtherTenantAsNotFound extends OncePerRequestFilter {

    static final String OTHER_TENANT = "belongs to no authenticated tenant";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() >= 500
                && new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8).contains(OTHER_TENANT)) {
            captured.resetBuffer();
            captured.setStatus(HttpServletResponse.SC_NOT_FOUND);
            captured.setContentType("application/json");
            captured.getOutputStream().write("{\"type\":\"NotFound\",\"message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8));
        }
        captured.copyBodyToResponse();
    }
}

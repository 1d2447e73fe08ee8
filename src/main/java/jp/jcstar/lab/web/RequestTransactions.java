package jp.jcstar.lab.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * One database transaction per API request (ADR 11): the authentication of the caller, every repository call and
 * every engine command of the request join it, and it commits once, after the handler, or rolls back when anything
 * in it failed. The answer of a changing request (not GET or HEAD) is held back until the commit succeeded, so that
 * no client is told "done" about a change that was then rolled back.
 *
 * <p>Uploads (multipart requests) are left out: their content is checked before any transaction begins, so that no
 * database connection waits on a large file or a ZIP (see the documents' service).
 */
@Configuration(proxyBeanMethods = false)
public class RequestTransactions {

    /** The app's API, the engine's REST API and the one Tasklist, Cockpit and Admin call. */
    static final String[] PATHS = {"/api/*", "/engine-rest/*", "/camunda/api/engine/*"};

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestTransaction(PlatformTransactionManager transactions) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(transactions));
        registration.addUrlPatterns(PATHS);
        // Before Spring Security's filter chain, so that the authentication of an API call is part of the transaction.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final PlatformTransactionManager transactions;

        Filter(PlatformTransactionManager transactions) {
            this.transactions = transactions;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            DefaultTransactionDefinition definition =
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
            definition.setName(request.getMethod() + " " + request.getRequestURI());
            TransactionStatus transaction = transactions.getTransaction(definition);
            ContentCachingResponseWrapper heldBack = reading ? null : new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, heldBack == null ? response : heldBack);
            } catch (IOException | ServletException | RuntimeException | Error e) {
                transactions.rollback(transaction);
                throw e;
            }
            if (transaction.isRollbackOnly()) {
                transactions.rollback(transaction);
            } else {
                transactions.commit(transaction);
            }
            if (heldBack != null) {
                heldBack.copyBodyToResponse();
            }
        }
    }
}

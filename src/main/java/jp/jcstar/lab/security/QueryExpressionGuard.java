package jp.jcstar.lab.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes a Camunda 7.24 weakness that has no community patch: task queries whose {@code orQueries} carry expression
 * fields (e.g. {@code assigneeExpression}) were evaluated although expressions in ad-hoc queries are off. Every task
 * and filter query sent to /engine-rest or the webapps' engine API with a field ending in "Expression" is refused
 * with 400, whether in the URL or anywhere in the JSON body. Stored filters (created by administrators only) keep
 * their expressions.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = "Expression";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.contains("/task") || path.contains("/filter/")) || path.endsWith("/filter/create")
                || ("PUT".equals(request.getMethod()) && path.contains("/filter/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> inUrl = request.getParameterMap().keySet().stream().filter(name -> name.endsWith(SUFFIX)).findFirst();
        if (inUrl.isPresent()) {
            refuse(response, inUrl.get());
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith("application/json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<String> inBody = Optional.empty();
        if (body.length > 0) {
            try {
                inBody = expressionField(JSON.readTree(body));
            } catch (IOException malformed) {
                // Camunda answers malformed JSON itself.
            }
        }
        if (inBody.isPresent()) {
            refuse(response, inBody.get());
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private static Optional<String> expressionField(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith(SUFFIX)) {
                    return Optional.of(field.getKey());
                }
                Optional<String> nested = expressionField(field.getValue());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> nested = expressionField(element);
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                "message", "Expressions in queries are not allowed: " + field));
    }

    /** The request with its body read once and served again to Camunda's REST resources. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

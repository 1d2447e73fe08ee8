package jp.jcstar.lab.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda 7.24 weaknesses in front of its REST APIs (/engine-rest and the webapps' engine API):
 * <ul>
 * <li>task queries whose {@code orQueries} carry expression fields (e.g. {@code assigneeExpression}) were evaluated
 * although expressions in ad-hoc queries are off (no community patch). Any field whose name ends in "expression"
 * (in any case), in the URL or anywhere in a JSON body (whatever the spelling of its media type), is refused with 400.
 * Only administrators' stored filters (filter create / update) keep their expressions;</li>
 * <li>a process start with start instructions or skipped listeners would begin an assessment at any step without
 * registering it: only administrators may (403);</li>
 * <li>Tasklist saves a due or follow-up date by sending the task back as it read it, with its form reference, which
 * Camunda's REST API then cannot read (400 without a message). The form reference is the model's, never the
 * client's: it is taken out, so the change reaches the engine, which makes it or refuses it in words
 * ({@link EngineCommandGuard}).</li>
 * </ul>
 */
public class EngineRequestGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = "expression";
    /** PUT .../task/{id}: a task's update (Tasklist's due and follow-up dates). */
    private static final Pattern TASK = Pattern.compile("/task/[^/]+$");
    private static final String FORM_REFERENCE = "camundaFormRef";
    private static final List<String> START_OVERRIDES =
            List.of("startInstructions", "skipCustomListeners", "skipIoMappings");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The container's decoded path, lower-cased: what Jersey will route by.
        String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .toLowerCase(Locale.ROOT);
        boolean storedFilter = path.endsWith("/filter/create") || ("PUT".equals(request.getMethod()) && path.contains("/filter/"));
        boolean administrator = administrator();
        Optional<String> inUrl = request.getParameterMap().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)).findFirst();
        if (inUrl.isPresent() && !(storedFilter && administrator)) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Expressions in queries are not allowed: " + inUrl.get());
            return;
        }
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response); // Camunda's REST API reads no other body type for these resources
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode json;
        try {
            json = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException malformed) {
            // Fail closed: a body this parser cannot read is not passed on to one that might read it differently.
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The request body is not valid JSON");
            return;
        }
        Optional<Refusal> refusal = refusal(path, json, storedFilter && administrator, administrator);
        if (refusal.isPresent()) {
            refuse(response, refusal.get().status(), refusal.get().message());
            return;
        }
        if ("PUT".equals(request.getMethod()) && TASK.matcher(path).find() && json instanceof ObjectNode task
                && task.remove(FORM_REFERENCE) != null) {
            body = JSON.writeValueAsBytes(task);
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private record Refusal(int status, String message) {
    }

    /** What the JSON body asks that its sender may not: expressions in queries, or a start that skips the model. */
    private static Optional<Refusal> refusal(String path, JsonNode json, boolean mayStoreExpressions,
                                             boolean administrator) {
        Optional<String> inBody = mayStoreExpressions ? Optional.empty() : expressionField(json);
        if (inBody.isPresent()) {
            return Optional.of(new Refusal(HttpServletResponse.SC_BAD_REQUEST,
                    "Expressions in queries are not allowed: " + inBody.get()));
        }
        if ((path.endsWith("/start") || path.endsWith("/submit-form")) && path.contains("/process-definition/")
                && json != null && START_OVERRIDES.stream().anyMatch(json::has) && !administrator) {
            return Optional.of(new Refusal(HttpServletResponse.SC_FORBIDDEN,
                    "Only administrators may start a process with start instructions or skipped listeners"));
        }
        return Optional.empty();
    }

    /** application/json or any +json type, in whatever case the client wrote it. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equalsIgnoreCase(type.getType()) && ("json".equalsIgnoreCase(type.getSubtype())
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private static boolean administrator() {
        Authentication authentication =
                SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && LabUser.of(authentication).groups().contains(Roles.ADMINS);
    }

    private static Optional<String> expressionField(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
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

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
    }

    /** The request with its body read once and served again to Camunda's REST resources. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
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
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }
    }
}

package jp.jcstar.lab.documents;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.DataSizes;
import jp.jcstar.lab.problem.PayloadTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds multipart requests by their declared length before anything reads them. The container's multipart limit
 * (UploadLimits) has to admit a whole document, and the login form or a CSRF check would make the container read
 * and spool any multipart body up to it; so only the two upload endpoints get that room, every other multipart
 * request at most {@link #OTHER_LIMIT}. The documents page's form is held to the file limit itself, so that the
 * container never refuses it halfway (which would lose its CSRF token and answer 403): the page says why instead.
 * Camunda's REST API (Modeler's deployments) reads its own multipart bodies and is not touched.
 */
public class UploadSizeFilter extends OncePerRequestFilter {

    static final long OTHER_LIMIT = 1024 * 1024;
    static final Pattern API_UPLOAD = Pattern.compile("/api/assessments/\\d+/documents");
    static final Pattern PAGE_UPLOAD = Pattern.compile("/lab/assessments/\\d+/documents");
    /** The public verification page hashes a report someone holds: anonymous, so held to what a report can be. */
    static final Pattern VERIFY_UPLOAD = Pattern.compile("/verify/[^/]+");
    static final long VERIFY_LIMIT = 20L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentProperties limits;

    public UploadSizeFilter(DocumentProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        String path = request.getRequestURI();
        if (type == null || !type.toLowerCase().startsWith("multipart/") || path.startsWith("/engine-rest/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        boolean page = post && PAGE_UPLOAD.matcher(path).matches();
        boolean api = post && API_UPLOAD.matcher(path).matches();
        boolean verify = post && VERIFY_UPLOAD.matcher(path).matches();
        long length = request.getContentLengthLong();
        long limit = page ? limits.maxFileSize().toBytes()
                : api ? limits.maxFileSize().toBytes() + UploadLimits.FORM_OVERHEAD.toBytes()
                : verify ? VERIFY_LIMIT : OTHER_LIMIT;
        // An API client may stream without a declared length; the container's limit then stops it.
        if (length <= limit && (length >= 0 || api)) {
            chain.doFilter(request, response);
        } else if (page) {
            response.sendRedirect(path + "?refused=" + DocumentPageController.TOO_LARGE);
        } else if (verify) {
            response.sendRedirect(path + "?tooLarge");
        } else {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), Map.of("status", 413, "title", "Payload Too Large",
                    "detail", api ? PayloadTooLargeException.refusal(null, limits.maxFileSize()).toString()
                            : "Multipart requests other than uploads are limited to "
                                    + DataSizes.text(DataSize.ofBytes(OTHER_LIMIT)) + ", with a declared Content-Length"));
        }
    }
}

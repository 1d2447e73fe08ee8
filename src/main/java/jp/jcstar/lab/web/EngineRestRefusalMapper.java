package jp.jcstar.lab.web;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's REST API reports any exception a task listener throws as 500. When the app refused the input (a verdict
 * other than PASS/FAIL/NA, the four-eyes rule), /engine-rest answers like /api: 400 or 403 with the app's message.
 * Everything else goes to Camunda's own handler unchanged. Takes precedence over it by its priority.
 */
@Priority(1)
public class EngineRestRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        return refusal(InvalidInputException.class, exception, Response.Status.BAD_REQUEST)
                .or(() -> refusal(ForbiddenException.class, exception, Response.Status.FORBIDDEN))
                .orElseGet(() -> camundaHandler.toResponse(exception));
    }

    private static Optional<Response> refusal(Class<? extends RuntimeException> type, RestException exception,
                                              Response.Status status) {
        return ApiExceptionHandler.causeOfType(type, exception).map(cause -> Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type.getSimpleName(), "message", cause.getMessage()))
                .build());
    }
}

package jp.jcstar.lab.web;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's REST API reports an exception thrown by a listener or a deployer as 500. When the app refused the input
 * (a verdict other than PASS/FAIL/NA, the four-eyes rule, a model that would break running assessments),
 * /engine-rest answers like /api: 400 or 403 with the app's message. Everything else goes to Camunda's own handlers
 * unchanged; these mappers take precedence over them by their priority. The loser of a race (two people completing
 * one task at once) gets 409, or 404 when the task is already gone, never 500.
 */
public final class EngineRestRefusals {

    private EngineRestRefusals() {
    }

    static Optional<Response> refusal(Throwable thrown) {
        return refusal(InvalidInputException.class, thrown, Response.Status.BAD_REQUEST)
                .or(() -> refusal(ForbiddenException.class, thrown, Response.Status.FORBIDDEN))
                .or(() -> ApiExceptionHandler.causeOfType(OptimisticLockingException.class, thrown)
                        .map(race -> answer(Response.Status.CONFLICT, "Conflict", ApiExceptionHandler.CONCURRENT_CHANGE)))
                .or(() -> ApiExceptionHandler.taskGone(thrown)
                        .map(gone -> answer(Response.Status.NOT_FOUND, "NotFound", gone)));
    }

    private static Response answer(Response.Status status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    private static Optional<Response> refusal(Class<? extends RuntimeException> type, Throwable thrown,
                                              Response.Status status) {
        return ApiExceptionHandler.causeOfType(type, thrown)
                .map(cause -> answer(status, type.getSimpleName(), cause.getMessage()));
    }

    /** Exceptions the REST resources wrapped (task completion). */
    @Priority(1)
    public static class WrappedRefusalMapper implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camundaHandler = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return refusal(exception).orElseGet(() -> camundaHandler.toResponse(exception));
        }
    }

    /** The app's own refusals thrown straight through the engine (the deployment guard). */
    public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException exception) {
            return refusal(exception).orElseThrow();
        }
    }

    /** Likewise for the app's 403s (a manufacturer applying for another company). */
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException exception) {
            return refusal(exception).orElseThrow();
        }
    }

    /** Engine exceptions whose cause is one of the app's refusals (another company's resource: EngineDenials). */
    @Priority(1)
    public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camundaHandler = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusal(exception).orElseGet(() -> camundaHandler.toResponse(exception));
        }
    }
}

package jp.jcstar.lab.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.IntegrityException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import jp.jcstar.lab.problem.PayloadTooLargeException;
import jp.jcstar.lab.problem.UnsupportedContentException;
import jp.jcstar.lab.security.SecurityAudit;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;


/**
 * Turns refusals into RFC 9457 problem details whose {@code detail} says what is wrong. Exceptions raised inside the
 * engine (a listener refusing a verdict, say) arrive wrapped, so the cause chain is searched.
 */
@RestControllerAdvice(basePackages = "jp.jcstar.lab")
public class ApiExceptionHandler {

    private final SecurityAudit audit;

    public ApiExceptionHandler(SecurityAudit audit) {
        this.audit = audit;
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail handle(RuntimeException exception, HttpServletRequest request) {
        ProblemDetail problem = problemFor(exception);
        if (problem.getStatus() == HttpStatus.FORBIDDEN.value()) {
            audit.record(SecurityAudit.Event.AUTHORIZATION_DENIED, request.getRemoteUser(), request.getRemoteAddr(),
                    Map.of("method", request.getMethod(), "path", request.getRequestURI(), "reason", problem.getDetail()));
        }
        return problem;
    }

    private ProblemDetail problemFor(RuntimeException exception) {
        return problem(InvalidInputException.class, exception, HttpStatus.BAD_REQUEST)
                .or(() -> problem(NotFoundException.class, exception, HttpStatus.NOT_FOUND))
                .or(() -> problem(ConflictException.class, exception, HttpStatus.CONFLICT))
                .or(() -> problem(ForbiddenException.class, exception, HttpStatus.FORBIDDEN))
                .or(() -> problem(AuthorizationException.class, exception, HttpStatus.FORBIDDEN))
                .or(() -> problem(PayloadTooLargeException.class, exception, HttpStatus.PAYLOAD_TOO_LARGE))
                .or(() -> problem(UnsupportedContentException.class, exception, HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .or(() -> problem(IntegrityException.class, exception, HttpStatus.INTERNAL_SERVER_ERROR))
                .or(() -> causeOfType(OptimisticLockingException.class, exception).map(conflict ->
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, CONCURRENT_CHANGE)))
                .or(() -> causeOfType(DuplicateKeyException.class, exception).map(conflict ->
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, CONCURRENT_CHANGE)))
                .or(() -> taskGone(exception).map(gone -> ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, gone)))
                .orElseThrow(() -> exception);
    }

    static final String CONCURRENT_CHANGE = "Someone else changed this assessment at the same moment; reload and try again"
            + " / 同時に他の人が変更しました。再読み込みしてやり直してください";

    /**
     * The engine's word that a task was completed (or deleted) meanwhile: the race's loser found it gone. Camunda says
     * so only in the message of a NullValueException.
     */
    static Optional<String> taskGone(Throwable thrown) {
        return causeOfType(NullValueException.class, thrown)
                .filter(gone -> gone.getMessage() != null && gone.getMessage().contains("Cannot find task"))
                .map(gone -> "The task was completed or removed meanwhile; reload your task list"
                        + " / このタスクは既に完了または削除されています。タスク一覧を再読み込みしてください");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, MissingServletRequestPartException.class,
            MultipartException.class})
    ProblemDetail unreadable(Exception exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request could not be read: "
                + Optional.ofNullable(exception.getMessage()).map(m -> m.split(":")[0]).orElse("malformed input"));
    }

    private static Optional<ProblemDetail> problem(Class<? extends RuntimeException> type, Throwable thrown, HttpStatus status) {
        return causeOfType(type, thrown).map(cause -> ProblemDetail.forStatusAndDetail(status, cause.getMessage()));
    }

    /** The first exception of the given type in the cause chain. */
    public static <T extends Throwable> Optional<T> causeOfType(Class<T> type, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}

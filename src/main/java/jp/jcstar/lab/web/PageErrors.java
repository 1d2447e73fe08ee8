package jp.jcstar.lab.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jcstar.lab.problem.ConflictException;
import jp.jcstar.lab.problem.ForbiddenException;
import jp.jcstar.lab.problem.InvalidInputException;
import jp.jcstar.lab.problem.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals on the pages people open in the browser ({@link LabPage}) become the app's error page for their status
 * (templates/error), with the refusal's own words, which are written for people (Japanese and English).
 */
@ControllerAdvice(annotations = LabPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    /** The request attribute the error pages show as the reason (templates/fragments/error.html). */
    public static final String REASON = "refusal";

    @ExceptionHandler({NotFoundException.class, ForbiddenException.class, ConflictException.class,
            InvalidInputException.class})
    void refused(RuntimeException refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = refusal instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : refusal instanceof ForbiddenException ? HttpStatus.FORBIDDEN
                : refusal instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        request.setAttribute(REASON, refusal.getMessage());
        response.sendError(status.value(), refusal.getMessage());
    }
}

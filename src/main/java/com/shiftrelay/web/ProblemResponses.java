package com.shiftrelay.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.shiftrelay.presence.PresenceBusyException;
import com.shiftrelay.presence.PresenceConflictException;
import com.shiftrelay.presence.UnknownManagerException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of ShiftRelay's own REST API as RFC 9457 problem details, naming the field at fault in
 * {@code field} (and {@code errors} for several).
 */
@RestControllerAdvice(basePackages = "com.shiftrelay")
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler({UnknownManagerException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        if (e instanceof NotFoundException named && named.field() != null) {
            problem.setProperty("field", named.field());
        }
        return problem;
    }

    @ExceptionHandler({PresenceBusyException.class, ConflictException.class})
    ProblemDetail busy(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * The signal met a presence step changing the same process every time it was sent (Presence tries a few
     * times); nothing of it was kept, so the caller may simply send it again.
     */
    @ExceptionHandler(PresenceConflictException.class)
    ProblemDetail conflict(PresenceConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "ShiftRelay was updating manager "
                + e.managerId() + "'s presence at the same moment; nothing was changed, try again in a moment");
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' must be a " + (e.getRequiredType() == null ? "valid value"
                        : e.getRequiredType().getSimpleName().toLowerCase()));
        problem.setProperty("field", e.getName());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = e.getBindingResult().getFieldErrors().stream()
                .collect(Collectors.toMap(f -> f.getField(), f -> String.valueOf(f.getDefaultMessage()), (a, b) -> a));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + String.join(", ", errors.keySet()));
        problem.setProperty("field", errors.keySet().stream().sorted().findFirst().orElse(null));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setDetail(mismatch instanceof InvalidFormatException invalid
                    ? "'" + field + "' has an invalid value: " + invalid.getValue()
                    : "'" + field + "' is malformed");
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

}

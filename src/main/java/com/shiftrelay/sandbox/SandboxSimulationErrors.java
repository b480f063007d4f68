package com.shiftrelay.sandbox;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details naming the field at fault for the simulation endpoints. */
@RestControllerAdvice(assignableTypes = SandboxSimulationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxSimulationErrors {

    @ExceptionHandler(SimulationRejectedException.class)
    ProblemDetail rejected(SimulationRejectedException e) {
        return problem(e.status(), e.field(), e.getMessage());
    }

    @ExceptionHandler(SandboxNotFoundException.class)
    ProblemDetail notFound(SandboxNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.field(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "body", "The request body must be a JSON object");
    }

    private static ProblemDetail problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", field);
        return problem;
    }
}

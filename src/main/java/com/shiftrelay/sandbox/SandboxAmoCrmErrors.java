package com.shiftrelay.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the sandbox API in amoCRM's problem+json shape, so the adapter's error mapping sees the real thing. */
@RestControllerAdvice(assignableTypes = {SandboxAmoCrmController.class, SandboxAmoCrmClientsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxAmoCrmErrors {

    @ExceptionHandler(BatchRejectedException.class)
    ProblemDetail rejected(BatchRejectedException e) {
        ProblemDetail problem = badRequest("Request validation failed");
        Map<String, List<Map<String, String>>> byRequest = new LinkedHashMap<>();
        for (BatchRejectedException.ItemError error : e.errors()) {
            byRequest.computeIfAbsent(error.requestId(), id -> new ArrayList<>())
                    .add(Map.of("code", error.code(), "path", error.path(), "detail", error.detail()));
        }
        problem.setProperty("validation-errors", byRequest.entrySet().stream()
                .map(entry -> Map.of("request_id", entry.getKey(), "errors", entry.getValue())).toList());
        return problem;
    }

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = badRequest(e.getMessage());
        problem.setProperty("validation-errors", List.of(Map.of("request_id", "0", "errors", List.of(
                Map.of("code", "InvalidValue", "path", e.parameter(), "detail", e.getMessage())))));
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest("The request body must be a JSON array of leads");
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        problem.setType(URI.create("https://httpstatus.es/400"));
        return problem;
    }
}

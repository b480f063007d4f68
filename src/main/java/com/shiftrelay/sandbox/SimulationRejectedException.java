package com.shiftrelay.sandbox;

import org.springframework.http.HttpStatus;

/** A simulation request the sandbox cannot carry out; {@code field} names the input at fault. */
class SimulationRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    SimulationRejectedException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}

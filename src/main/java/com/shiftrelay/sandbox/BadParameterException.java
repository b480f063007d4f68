package com.shiftrelay.sandbox;

/** A query parameter the sandbox API cannot take; {@code parameter} names it in the answer. */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}

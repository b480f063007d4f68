package com.shiftrelay.web;

/** The request is well formed but what it names is not in a state to allow it; answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

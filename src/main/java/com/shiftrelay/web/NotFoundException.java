package com.shiftrelay.web;

/** The resource named in the path does not exist. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

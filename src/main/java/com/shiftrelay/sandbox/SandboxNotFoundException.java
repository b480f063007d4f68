package com.shiftrelay.sandbox;

/** The sandbox has no such user, team or lead; {@code field} names the input that pointed at it. */
public class SandboxNotFoundException extends RuntimeException {

    private final String field;

    public SandboxNotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

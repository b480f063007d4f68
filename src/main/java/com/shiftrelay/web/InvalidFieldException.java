package com.shiftrelay.web;

/** A request field has a value ShiftRelay cannot accept; answered 400 naming the field. */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

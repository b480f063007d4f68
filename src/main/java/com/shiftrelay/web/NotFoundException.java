package com.shiftrelay.web;

/** The resource named in the path, or in a field of the request, does not exist. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String message) {
        this(null, message);
    }

    /** {@code field}: the request field that names what does not exist, in the API's own notation. */
    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

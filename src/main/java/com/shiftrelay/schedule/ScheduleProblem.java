package com.shiftrelay.schedule;

import com.shiftrelay.web.InvalidFieldException;

/**
 * A schedule, an exception or a time ShiftRelay cannot accept; {@code field()} names it in the API's notation, like
 * {@code exceptions[2].to}. An InvalidFieldException, so the REST API answers it 400 naming the field.
 */
public final class ScheduleProblem extends InvalidFieldException {

    public ScheduleProblem(String field, String message) {
        super(field, message);
    }

    /** {@code name} inside {@code parent}; an empty parent is the top level of the request. */
    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}

package com.shiftrelay.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A moment in a query parameter ({@code from}, {@code to}): ISO-8601, or the default when absent; 400 otherwise. */
public final class QueryInstants {

    private QueryInstants() {
    }

    public static Instant parse(String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "'" + field + "' must be an ISO-8601 instant such as "
                    + "2026-12-03T00:00:00Z");
        }
    }
}

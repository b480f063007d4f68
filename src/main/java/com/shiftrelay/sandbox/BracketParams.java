package com.shiftrelay.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * amoCRM's bracket-notation query parameters ({@code filter[id][]=1&filter[id][]=2}, {@code filter[id][0]=1},
 * {@code filter[id]=1,2}) read from the servlet's parameter map, which has already decoded percent-encoded
 * keys, so raw and encoded brackets read the same.
 */
final class BracketParams {

    private final Map<String, String[]> raw;

    BracketParams(Map<String, String[]> raw) {
        this.raw = raw;
    }

    /** Every value given for {@code name}, {@code name[]} or {@code name[n]}, comma lists split. */
    List<String> values(String name) {
        Pattern indexed = Pattern.compile(Pattern.quote(name) + "\\[\\d*]");
        List<String> values = new ArrayList<>();
        raw.forEach((key, given) -> {
            if (key.equals(name) || indexed.matcher(key).matches()) {
                for (String value : given) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                }
            }
        });
        return values;
    }

    Set<Long> longs(String name) {
        Set<Long> numbers = new LinkedHashSet<>();
        for (String value : values(name)) {
            numbers.add(parseLong(name, value));
        }
        return numbers;
    }

    Long longValue(String name) {
        String[] given = raw.get(name);
        return given == null || given.length == 0 || given[0].isBlank() ? null : parseLong(name, given[0].trim());
    }

    String string(String name) {
        String[] given = raw.get(name);
        return given == null || given.length == 0 ? null : given[0];
    }

    int intValue(String name, int fallback, int min, int max) {
        Long value = longValue(name);
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max);
        }
        return value.intValue();
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be a number, not '" + value + "'");
        }
    }
}

package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shiftrelay.web.UrlEncodedPairs;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Bitrix24 method's parameters as a tree, whichever way they came: a JSON body, or PHP's bracket notation
 * ({@code fields[ASSIGNED_BY_ID]=5&filter[@ID][]=1}) in a form or in a {@code batch} command's query string
 * (settings/how-to-call-rest-api/batch.md). Reading a value that is not what the method takes is a
 * {@link SandboxBitrix24Error} 400, as a portal refuses it.
 */
final class Bitrix24Params {

    private Bitrix24Params() {
    }

    /** {@code a=1&b[c]=2&d[]=3&d[]=4} as {@code {"a":"1","b":{"c":"2"},"d":["3","4"]}}. */
    static ObjectNode fromQuery(String query) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        try {
            UrlEncodedPairs.of(query).forEach(pair -> put(root, pair.getKey(), pair.getValue()));
        } catch (IllegalArgumentException e) {
            throw SandboxBitrix24Error.badArgument("The parameters are not URL-encoded: " + e.getMessage());
        }
        return root;
    }

    /** A form's parameters (every value of each name) as {@link #fromQuery} reads a query string. */
    static ObjectNode fromForm(Map<String, String[]> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        form.forEach((key, values) -> {
            for (String value : values) {
                put(root, key, value);
            }
        });
        return root;
    }

    private static void put(ObjectNode root, String key, String value) {
        int bracket = key.indexOf('[');
        if (bracket <= 0) {
            root.put(key, value);
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(key.substring(0, bracket));
        int at = bracket;
        while (at < key.length() && key.charAt(at) == '[') {
            int close = key.indexOf(']', at);
            if (close < 0) {
                throw SandboxBitrix24Error.badArgument("Unclosed bracket in parameter " + key);
            }
            path.add(key.substring(at + 1, close));
            at = close + 1;
        }
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String name = path.get(i);
            boolean nextIsArray = path.get(i + 1).isEmpty();
            JsonNode child = node.isObject() ? node.get(name) : null;
            if (child == null || !(nextIsArray ? child.isArray() : child.isObject())) {
                child = nextIsArray ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                if (node.isObject()) {
                    ((ObjectNode) node).set(name, child);
                } else {
                    ((ArrayNode) node).add(child);
                }
            }
            node = child;
        }
        String last = path.get(path.size() - 1);
        if (node.isArray()) {
            ((ArrayNode) node).add(value);
        } else {
            ((ObjectNode) node).put(last, value);
        }
    }

    /** The first of {@code names} present (Bitrix24 takes {@code FILTER} and {@code filter} alike). */
    static JsonNode any(JsonNode params, String... names) {
        for (String name : names) {
            JsonNode value = params.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** A whole number sent as a number or a string of digits; {@code fallback} when absent. */
    static long number(JsonNode params, String name, long fallback) {
        JsonNode value = params == null ? null : params.get(name);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return fallback;
        }
        return number(value, name);
    }

    static long number(JsonNode value, String name) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw SandboxBitrix24Error.badArgument(name + " must be a number, not " + value);
    }

    /** One number or a list of them (the {@code @FIELD} filters), as a set. */
    static Set<Long> numbers(JsonNode value, String name) {
        Set<Long> numbers = new LinkedHashSet<>();
        if (value.isArray() || value.isObject()) {
            value.forEach(item -> numbers.add(number(item, name)));
        } else {
            numbers.add(number(value, name));
        }
        return numbers;
    }

    static String text(JsonNode params, String name) {
        JsonNode value = params == null ? null : params.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A date-time filter value: ISO 8601 with an offset, as Bitrix24 writes them ({@code 2026-12-03T12:00:00+03:00}). */
    static Instant time(JsonNode value, String name) {
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw SandboxBitrix24Error.badArgument(name + " must be a date and time such as 2026-12-03T12:00:00+03:00,"
                    + " not " + value);
        }
    }
}

package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.crm.CrmException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bitrix24's values in the domain's types. Bitrix24 sends ids and amounts as strings ("37", "19999.99"), flags as
 * "Y"/"N", user-field checkboxes as "1"/"0", and some of them as JSON numbers or booleans instead (user.get's ACTIVE is
 * {@code true}); each is read in all of its documented forms and anything else fails loudly, naming the field, rather
 * than turning into a 0 or a false that would move or pin the wrong deal.
 */
final class Bitrix24Values {

    private Bitrix24Values() {
    }

    /** A required positive id or count, "42" or 42. */
    static long id(JsonNode row, String field) {
        JsonNode value = row.path(field);
        Long parsed = longOrNull(value);
        if (parsed == null || parsed < 0) {
            throw malformed(row, field, "a number");
        }
        return parsed;
    }

    /** An optional id: missing, null, "" and "0" are none (0). */
    static long idOrZero(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return 0;
        }
        return id(row, field);
    }

    /** "Y", "1", 1 and true are yes; "N", "0", 0, false, "" and no value at all are no. */
    static boolean flag(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.longValue() == 0 || value.longValue() == 1)) {
            return value.longValue() == 1;
        }
        if (value.isTextual()) {
            switch (value.asText()) {
                case "Y", "1" -> {
                    return true;
                }
                case "N", "0", "" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw malformed(row, field, "Y or N");
    }

    /** An amount, "19999.99", rounded to whole units of the currency as the routing rules compare it; none is 0. */
    static long amount(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
            return 0;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
            return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(row, field, "an amount");
        }
    }

    /** A required date and time, ISO 8601 with its offset ("2024-09-02T18:37:18+02:00"). */
    static Instant instant(JsonNode row, String field) {
        Instant at = instantOrNull(row.path(field));
        if (at == null) {
            throw malformed(row, field, "a date and time");
        }
        return at;
    }

    /** An ISO 8601 date-time with offset or a Unix timestamp in seconds; null when it is neither. */
    static Instant instantOrNull(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000));
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    /** A list of ids, [1, 2] or ["1", "2"]; missing is empty. */
    static List<Long> ids(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw malformed(row, field, "a list of numbers");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode element : value) {
            Long id = longOrNull(element);
            if (id == null) {
                throw malformed(row, field, "a list of numbers");
            }
            ids.add(id);
        }
        return ids;
    }

    static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static Long longOrNull(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
                return Long.parseLong(text);
            }
        }
        return null;
    }

    private static CrmException malformed(JsonNode row, String field, String expected) {
        JsonNode id = row.path("ID");
        String which = id.isMissingNode() ? "" : " of row " + id.asText();
        return new CrmException("Bitrix24 sent " + field + "=" + row.path(field) + which + " where " + expected
                + " belongs; ShiftRelay does not guess");
    }
}

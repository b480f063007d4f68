package com.shiftrelay.telephony;

import com.shiftrelay.web.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Bitrix24 telephony's {@code ONVOXIMPLANTCALLEND} (api-reference/telephony/events/on-voximplant-call-end.md), posted
 * form-encoded when a call is recorded in the portal's history: {@code data[CALL_ID]}, {@code data[CALL_TYPE]} (1
 * outgoing, 2 incoming, 3 incoming redirected, 4 callback), {@code data[PHONE_NUMBER]} (the client's),
 * {@code data[PORTAL_USER_ID]} (the operator), {@code data[CALL_DURATION]} in seconds, {@code data[CALL_START_DATE]}
 * and {@code data[CALL_FAILED_CODE]}, 200 for a call that was answered (304 missed, 486 busy, 603 declined ...).
 */
final class Bitrix24CallEvent {

    static final String PROVIDER = "bitrix24";
    static final String EVENT = "ONVOXIMPLANTCALLEND";

    private Bitrix24CallEvent() {
    }

    static Call parse(Map<String, String> fields, Instant receivedAt) {
        String event = fields.get("event");
        if (event == null || !event.toUpperCase(Locale.ROOT).equals(EVENT)) {
            throw new InvalidFieldException("event", "The telephony endpoint takes " + EVENT + ", not " + event);
        }
        String callId = required(fields, "data[CALL_ID]");
        CallDirection direction = switch (required(fields, "data[CALL_TYPE]")) {
            case "1", "4" -> CallDirection.OUTGOING;
            case "2", "3" -> CallDirection.INCOMING;
            default -> throw new InvalidFieldException("data[CALL_TYPE]", "data[CALL_TYPE] must be 1 (outgoing), 2"
                    + " (incoming), 3 (incoming, redirected) or 4 (callback), not " + fields.get("data[CALL_TYPE]"));
        };
        String number = PhoneNumbers.normalise(fields.get("data[PHONE_NUMBER]"), "data[PHONE_NUMBER]");
        // The page names the operator ACCOUNT_USER_ID; portals send PORTAL_USER_ID (and PORTAL_NUMBER): either is taken.
        String operatorField = fields.containsKey("data[PORTAL_USER_ID]") ? "data[PORTAL_USER_ID]"
                : "data[ACCOUNT_USER_ID]";
        long operator = number(fields, operatorField);
        long seconds = number(fields, "data[CALL_DURATION]");
        String code = fields.getOrDefault("data[CALL_FAILED_CODE]", "");
        boolean answered = code.strip().equals("200");
        return new Call(PROVIDER, callId, direction, number, operator > 0 ? operator : null, answered,
                answered ? Duration.ofSeconds(seconds) : Duration.ZERO, startedAt(fields, receivedAt));
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(key, key + " is missing");
        }
        return value.strip();
    }

    /** A count or an id; absent or empty is 0. */
    private static long number(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        if (!value.strip().matches("\\d{1,12}")) {
            throw new InvalidFieldException(key, key + " must be a whole number, not " + value);
        }
        return Long.parseLong(value.strip());
    }

    private static Instant startedAt(Map<String, String> fields, Instant receivedAt) {
        String value = fields.get("data[CALL_START_DATE]");
        if (value == null || value.isBlank()) {
            return receivedAt;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("data[CALL_START_DATE]", "data[CALL_START_DATE] must be a date and time"
                    + " such as 2026-12-03T14:32:00+03:00, not " + value);
        }
    }
}

package com.shiftrelay.telephony;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * ShiftRelay's own call format, for any PBX that can post JSON once a call is over:
 * <pre>
 * POST /webhooks/telephony/calls
 * X-ShiftRelay-Timestamp: 1764772320
 * X-ShiftRelay-Signature: sha256=&lt;hex HMAC-SHA256 of "1764772320." + body, keyed with the configured secret&gt;
 * {"callId":"a1b2","direction":"incoming","clientNumber":"+7 916 123-45-67","managerId":5,
 *  "answered":false,"durationSeconds":0,"startedAt":"2026-12-03T14:32:00Z"}
 * </pre>
 * {@code managerId} is the CRM user; a PBX that knows only its extension sends {@code "extension":"101"} instead,
 * looked up in {@code shiftrelay.telephony.extensions}. The timestamp is signed with the body, so a request replayed
 * after {@code shiftrelay.telephony.pbx.max-age} is refused, and one replayed sooner is the same call again.
 */
final class PbxCall {

    static final String PROVIDER = "pbx";
    static final String TIMESTAMP_HEADER = "X-ShiftRelay-Timestamp";
    static final String SIGNATURE_HEADER = "X-ShiftRelay-Signature";

    private PbxCall() {
    }

    /** Why the request is not trusted, or null when it is signed with the secret and fresh. */
    static String untrusted(String timestamp, String signature, byte[] body, TelephonyProperties.Pbx pbx, Instant now) {
        if (timestamp == null || !timestamp.strip().matches("\\d{1,12}")) {
            return "The request carries no " + TIMESTAMP_HEADER + " in seconds since 1970";
        }
        if (signature == null || !signature.strip().toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            return "The request carries no " + SIGNATURE_HEADER + " (sha256=...)";
        }
        byte[] signed = (timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(body, 0, message, signed.length, body.length);
        String expected = WebhookSignatures.hmacSha256Hex(pbx.secret(), message);
        if (!WebhookSignatures.matches(expected, signature.strip().substring("sha256=".length()).toLowerCase(Locale.ROOT))) {
            return "The request is not signed with this installation's secret";
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        if (Duration.between(sent, now).abs().compareTo(pbx.maxAge()) > 0) {
            return "The request was signed at " + sent + ", longer ago than " + pbx.maxAge() + " (a replay?)";
        }
        return null;
    }

    static Call parse(byte[] body, ObjectMapper mapper, TelephonyProperties properties) {
        JsonNode call;
        try {
            call = mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw new InvalidFieldException("body", "The body is not JSON: " + (e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()));
        }
        if (call == null || !call.isObject()) {
            throw new InvalidFieldException("body", "The body must be a JSON object describing the call");
        }
        String callId = text(call, "callId");
        if (callId == null || callId.isBlank() || callId.length() > 128) {
            throw new InvalidFieldException("callId", "callId must be the PBX's id of the call, up to 128 characters");
        }
        CallDirection direction = switch (String.valueOf(text(call, "direction")).toLowerCase(Locale.ROOT)) {
            case "incoming" -> CallDirection.INCOMING;
            case "outgoing" -> CallDirection.OUTGOING;
            default -> throw new InvalidFieldException("direction", "direction must be incoming or outgoing, not "
                    + call.path("direction"));
        };
        String number = PhoneNumbers.normalise(text(call, "clientNumber"), "clientNumber");
        Long manager = null;
        if (call.hasNonNull("managerId")) {
            if (!call.get("managerId").canConvertToLong() || !call.get("managerId").isIntegralNumber()
                    || call.get("managerId").longValue() <= 0) {
                throw new InvalidFieldException("managerId", "managerId must be the CRM user's id, not "
                        + call.get("managerId"));
            }
            manager = call.get("managerId").longValue();
        } else if (call.hasNonNull("extension")) {
            manager = properties.managerOfExtension(call.get("extension").asText());
        }
        JsonNode answered = call.path("answered");
        if (!answered.isBoolean()) {
            throw new InvalidFieldException("answered", "answered must be true or false, not " + answered);
        }
        long seconds = 0;
        if (call.hasNonNull("durationSeconds")) {
            JsonNode duration = call.get("durationSeconds");
            if (!duration.isIntegralNumber() || duration.longValue() < 0) {
                throw new InvalidFieldException("durationSeconds", "durationSeconds must be a whole number of seconds,"
                        + " not " + duration);
            }
            seconds = duration.longValue();
        }
        Instant startedAt;
        try {
            startedAt = Instant.parse(String.valueOf(text(call, "startedAt")));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("startedAt", "startedAt must be a moment such as 2026-12-03T14:32:00Z, not "
                    + call.path("startedAt"));
        }
        return new Call(PROVIDER, callId, direction, number, manager, answered.booleanValue(),
                answered.booleanValue() ? Duration.ofSeconds(seconds) : Duration.ZERO, startedAt);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}

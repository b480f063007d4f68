package com.shiftrelay.telephony;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Mango Office's {@code /events/summary}, sent once a call is over: form fields {@code vpbx_api_key}, {@code sign}
 * and {@code json}, where {@code sign = sha256(vpbx_api_key + json + vpbx_api_salt)} in hex. The summary names the
 * call ({@code entry_id}), its direction ({@code call_direction}: 1 incoming, 2 outgoing, 0 between extensions),
 * both ends ({@code from}, {@code to}: {@code number}, {@code extension}), and its times in epoch seconds:
 * {@code create_time}, {@code talk_time} (0 when nobody talked) and {@code end_time}.
 */
final class MangoSummary {

    static final String PROVIDER = "mango";

    private MangoSummary() {
    }

    /** Whether the request was signed with this VPBX's key and salt. */
    static boolean signed(Map<String, String> fields, TelephonyProperties.Mango mango) {
        String key = fields.get("vpbx_api_key");
        String json = fields.get("json");
        String sign = fields.get("sign");
        if (key == null || json == null || sign == null || !WebhookSignatures.matches(mango.apiKey(), key)) {
            return false;
        }
        return WebhookSignatures.matches(WebhookSignatures.sha256Hex(key + json + mango.apiSalt()),
                sign.strip().toLowerCase(Locale.ROOT));
    }

    /** The call, or empty for a call between two extensions, which no client is owed anything for. */
    static Optional<Call> parse(String json, ObjectMapper mapper, TelephonyProperties properties) {
        JsonNode summary;
        try {
            summary = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("json", "json is not JSON: " + e.getOriginalMessage());
        }
        if (summary == null || !summary.isObject()) {
            throw new InvalidFieldException("json", "json must be the summary object");
        }
        String entry = summary.path("entry_id").asText("");
        if (entry.isBlank()) {
            throw new InvalidFieldException("json.entry_id", "json.entry_id is missing");
        }
        int direction = summary.path("call_direction").asInt(-1);
        if (direction == 0) {
            return Optional.empty();
        }
        if (direction != 1 && direction != 2) {
            throw new InvalidFieldException("json.call_direction", "json.call_direction must be 1 (incoming) or 2"
                    + " (outgoing), not " + summary.path("call_direction"));
        }
        boolean incoming = direction == 1;
        JsonNode client = summary.path(incoming ? "from" : "to");
        JsonNode office = summary.path(incoming ? "to" : "from");
        String numberField = "json." + (incoming ? "from" : "to") + ".number";
        String number = PhoneNumbers.normalise(client.path("number").asText(null), numberField);
        long created = seconds(summary, "create_time");
        long talk = seconds(summary, "talk_time");
        long end = seconds(summary, "end_time");
        if (created == 0) {
            throw new InvalidFieldException("json.create_time", "json.create_time is missing");
        }
        boolean answered = talk > 0;
        Duration talked = answered && end > talk ? Duration.ofSeconds(end - talk) : Duration.ZERO;
        Long manager = properties.managerOfExtension(office.path("extension").asText(null));
        return Optional.of(new Call(PROVIDER, entry, incoming ? CallDirection.INCOMING : CallDirection.OUTGOING, number,
                manager, answered, talked, Instant.ofEpochSecond(created)));
    }

    private static long seconds(JsonNode summary, String field) {
        JsonNode value = summary.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return value.longValue();
        }
        if (value.isTextual() && value.asText().matches("\\d{1,12}")) {
            return Long.parseLong(value.asText());
        }
        throw new InvalidFieldException("json." + field, "json." + field + " must be seconds since 1970, not " + value);
    }
}

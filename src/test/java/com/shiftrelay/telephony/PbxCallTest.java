package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ShiftRelay's own call format: HMAC-SHA256 over "timestamp." + body, fresh within max-age. */
class PbxCallTest {

    private static final TelephonyProperties PROPERTIES = new TelephonyProperties(null, null,
            new TelephonyProperties.Pbx("pbx-secret", Duration.ofMinutes(5)), Map.of("101", 5L));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-03T11:40:00Z");

    static String signature(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "sha256=" + WebhookSignatures.hmacSha256Hex(secret, message);
    }

    private static final byte[] BODY = ("{\"callId\":\"a1b2\",\"direction\":\"incoming\",\"clientNumber\":"
            + "\"+7 916 123-45-67\",\"extension\":\"101\",\"answered\":false,\"durationSeconds\":0,"
            + "\"startedAt\":\"2026-12-03T11:32:00Z\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void aFreshRequestSignedWithTheSecretIsTrusted() {
        long at = NOW.getEpochSecond() - 10;
        assertThat(PbxCall.untrusted(String.valueOf(at), signature("pbx-secret", at, BODY), BODY, PROPERTIES.pbx(), NOW))
                .isNull();
    }

    @Test
    void aWrongSignatureATamperedBodyAStaleReplayAndMissingHeadersAreNot() {
        long at = NOW.getEpochSecond() - 10;
        assertThat(PbxCall.untrusted(String.valueOf(at), signature("guessed", at, BODY), BODY, PROPERTIES.pbx(), NOW))
                .contains("not signed");
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("false", "true")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PbxCall.untrusted(String.valueOf(at), signature("pbx-secret", at, BODY), tampered,
                PROPERTIES.pbx(), NOW)).contains("not signed");
        long old = NOW.getEpochSecond() - 600;
        assertThat(PbxCall.untrusted(String.valueOf(old), signature("pbx-secret", old, BODY), BODY, PROPERTIES.pbx(),
                NOW)).contains("replay");
        assertThat(PbxCall.untrusted(String.valueOf(at + 1), signature("pbx-secret", at, BODY), BODY,
                PROPERTIES.pbx(), NOW)).as("the timestamp is signed too").contains("not signed");
        assertThat(PbxCall.untrusted(null, signature("pbx-secret", at, BODY), BODY, PROPERTIES.pbx(), NOW)).isNotNull();
        assertThat(PbxCall.untrusted(String.valueOf(at), null, BODY, PROPERTIES.pbx(), NOW)).isNotNull();
    }

    @Test
    void theCallIsReadAndItsExtensionNamesTheManager() {
        Call call = PbxCall.parse(BODY, JSON, PROPERTIES);

        assertThat(call.provider()).isEqualTo("pbx");
        assertThat(call.callId()).isEqualTo("a1b2");
        assertThat(call.clientNumber()).isEqualTo("79161234567");
        assertThat(call.managerId()).isEqualTo(5);
        assertThat(call.missed()).isTrue();
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-12-03T11:32:00Z"));
    }

    @Test
    void aMalformedCallNamesItsField() {
        assertField("[1]", "body");
        assertField("{", "body");
        assertField(call("\"callId\":\"\""), "callId");
        assertField(call("\"direction\":\"sideways\""), "direction");
        assertField(call("\"clientNumber\":\"anonymous\""), "clientNumber");
        assertField(call("\"managerId\":\"five\""), "managerId");
        assertField(call("\"answered\":\"no\""), "answered");
        assertField(call("\"durationSeconds\":-3"), "durationSeconds");
        assertField(call("\"startedAt\":\"yesterday\""), "startedAt");
    }

    /** A valid call with one field replaced. */
    private static String call(String replacement) {
        String name = replacement.substring(0, replacement.indexOf(':'));
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "\"callId\"", "\"callId\":\"c1\"", "\"direction\"", "\"direction\":\"incoming\"",
                "\"clientNumber\"", "\"clientNumber\":\"89161234567\"", "\"managerId\"", "\"managerId\":5",
                "\"answered\"", "\"answered\":false", "\"durationSeconds\"", "\"durationSeconds\":0",
                "\"startedAt\"", "\"startedAt\":\"2026-12-03T11:32:00Z\""));
        fields.put(name, replacement);
        return "{" + String.join(",", fields.values()) + "}";
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> PbxCall.parse(json.getBytes(StandardCharsets.UTF_8), JSON, PROPERTIES))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field));
    }
}

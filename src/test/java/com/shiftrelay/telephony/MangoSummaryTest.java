package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mango Office's /events/summary: signed as sha256(vpbx_api_key + json + vpbx_api_salt). */
class MangoSummaryTest {

    private static final TelephonyProperties PROPERTIES = new TelephonyProperties(null,
            new TelephonyProperties.Mango("vpbx-key", "vpbx-salt"), null, Map.of("101", 5L));
    private static final ObjectMapper JSON = new ObjectMapper();

    static String summary(String entry, int direction, String from, String fromExtension, String to,
                          String toExtension, long created, long talk, long end) {
        return "{\"entry_id\":\"" + entry + "\",\"call_direction\":" + direction
                + ",\"from\":{\"number\":\"" + from + "\"" + (fromExtension == null ? "" : ",\"extension\":\""
                + fromExtension + "\"") + "},\"to\":{\"number\":\"" + to + "\"" + (toExtension == null ? ""
                : ",\"extension\":\"" + toExtension + "\"") + ",\"line_number\":\"74951234567\"},"
                + "\"line_number\":\"74951234567\",\"create_time\":" + created + ",\"forward_time\":" + created
                + ",\"talk_time\":" + talk + ",\"end_time\":" + end + ",\"entry_result\":" + (talk > 0 ? 1 : 0)
                + ",\"disconnect_reason\":" + (talk > 0 ? 1100 : 1110) + "}";
    }

    static Map<String, String> signed(String json, String key, String salt) {
        return Map.of("vpbx_api_key", key, "json", json, "sign", WebhookSignatures.sha256Hex(key + json + salt));
    }

    @Test
    void aRequestSignedWithTheKeyAndSaltIsTrustedAndNoOtherIs() {
        String json = summary("MToxMDA1NzU5Mzo1MDI6NjI1", 1, "79161234567", null, "74951234567", "101",
                1764761520, 0, 1764761545);
        assertThat(MangoSummary.signed(signed(json, "vpbx-key", "vpbx-salt"), PROPERTIES.mango())).isTrue();
        assertThat(MangoSummary.signed(signed(json, "vpbx-key", "another-salt"), PROPERTIES.mango())).isFalse();
        assertThat(MangoSummary.signed(signed(json, "another-key", "vpbx-salt"), PROPERTIES.mango())).isFalse();
        Map<String, String> tampered = Map.of("vpbx_api_key", "vpbx-key", "json", json.replace("79161234567",
                "79160000000"), "sign", WebhookSignatures.sha256Hex("vpbx-key" + json + "vpbx-salt"));
        assertThat(MangoSummary.signed(tampered, PROPERTIES.mango())).isFalse();
        assertThat(MangoSummary.signed(Map.of("vpbx_api_key", "vpbx-key", "json", json), PROPERTIES.mango())).isFalse();
    }

    @Test
    void anIncomingCallNobodyTalkedOnIsMissedAndItsExtensionNamesTheManager() {
        Call call = MangoSummary.parse(summary("MToxMDA1NzU5Mzo1MDI6NjI1", 1, "79161234567", null, "74951234567",
                "101", 1764761520, 0, 1764761545), JSON, PROPERTIES).orElseThrow();

        assertThat(call.provider()).isEqualTo("mango");
        assertThat(call.callId()).isEqualTo("MToxMDA1NzU5Mzo1MDI6NjI1");
        assertThat(call.direction()).isEqualTo(CallDirection.INCOMING);
        assertThat(call.clientNumber()).isEqualTo("79161234567");
        assertThat(call.managerId()).isEqualTo(5);
        assertThat(call.missed()).isTrue();
        assertThat(call.startedAt()).isEqualTo(Instant.ofEpochSecond(1764761520));
    }

    @Test
    void anOutgoingCallTalkedOnLastsFromTalkToEnd() {
        Call call = MangoSummary.parse(summary("MToxMDA1NzU5Mzo1MDI6OTk5", 2, "74951234567", "101",
                "8 916 123-45-67", null, 1764762000, 1764762010, 1764762200), JSON, PROPERTIES).orElseThrow();

        assertThat(call.direction()).isEqualTo(CallDirection.OUTGOING);
        assertThat(call.clientNumber()).isEqualTo("79161234567");
        assertThat(call.managerId()).isEqualTo(5);
        assertThat(call.answered()).isTrue();
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(190));
    }

    @Test
    void aCallBetweenTwoExtensionsIsNoClientsCall() {
        assertThat(MangoSummary.parse(summary("e1", 0, "101", "101", "102", "102", 1764762000, 1764762010,
                1764762200), JSON, PROPERTIES)).isEmpty();
    }

    @Test
    void aMalformedSummaryNamesItsField() {
        assertField("not json", "json");
        assertField(summary("", 1, "79161234567", null, "74951234567", "101", 1764761520, 0, 1), "json.entry_id");
        assertField(summary("e", 5, "79161234567", null, "74951234567", "101", 1764761520, 0, 1), "json.call_direction");
        assertField(summary("e", 1, "anonymous", null, "74951234567", "101", 1764761520, 0, 1), "json.from.number");
        assertField(summary("e", 1, "79161234567", null, "74951234567", "101", 0, 0, 1), "json.create_time");
        assertField(summary("e", 1, "79161234567", null, "74951234567", "101", 1764761520, 0, 1)
                .replace("\"talk_time\":0", "\"talk_time\":\"soon\""), "json.talk_time");
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> MangoSummary.parse(json, JSON, PROPERTIES)).isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field));
    }
}

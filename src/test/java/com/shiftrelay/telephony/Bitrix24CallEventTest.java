package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.web.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ONVOXIMPLANTCALLEND's fields as a portal posts them (api-reference/telephony/events/on-voximplant-call-end.md). */
class Bitrix24CallEventTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T11:40:00Z");

    static Map<String, String> event(String type, String number, String user, String duration, String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", "ONVOXIMPLANTCALLEND");
        fields.put("data[CALL_ID]", "externalCall.a1b2c3d4e5f6.1764761520");
        fields.put("data[CALL_TYPE]", type);
        fields.put("data[PHONE_NUMBER]", number);
        fields.put("data[PORTAL_USER_ID]", user);
        fields.put("data[PORTAL_NUMBER]", "reg74951234567");
        fields.put("data[CALL_DURATION]", duration);
        fields.put("data[CALL_START_DATE]", "2026-12-03T14:32:00+03:00");
        fields.put("data[COST]", "0.0000");
        fields.put("data[COST_CURRENCY]", "RUR");
        fields.put("data[CALL_FAILED_CODE]", code);
        fields.put("data[CALL_FAILED_REASON]", code.equals("200") ? "Success call" : "Missed call");
        fields.put("data[CRM_ACTIVITY_ID]", "10453");
        fields.put("ts", "1764761520");
        fields.put("auth[domain]", "clinic.bitrix24.ru");
        fields.put("auth[application_token]", "token");
        return fields;
    }

    @Test
    void anIncomingCallNobodyAnsweredIsMissed() {
        Call call = Bitrix24CallEvent.parse(event("2", "+7 (916) 123-45-67", "0", "0", "304"), RECEIVED);

        assertThat(call.provider()).isEqualTo("bitrix24");
        assertThat(call.callId()).isEqualTo("externalCall.a1b2c3d4e5f6.1764761520");
        assertThat(call.direction()).isEqualTo(CallDirection.INCOMING);
        assertThat(call.clientNumber()).isEqualTo("79161234567");
        assertThat(call.managerId()).isNull();
        assertThat(call.answered()).isFalse();
        assertThat(call.missed()).isTrue();
        assertThat(call.startedAt()).isEqualTo(Instant.parse("2026-12-03T11:32:00Z"));
    }

    @Test
    void anOutgoingCallThatWasAnsweredHasItsOperatorAndDuration() {
        Call call = Bitrix24CallEvent.parse(event("1", "89161234567", "7", "190", "200"), RECEIVED);

        assertThat(call.direction()).isEqualTo(CallDirection.OUTGOING);
        assertThat(call.managerId()).isEqualTo(7);
        assertThat(call.answered()).isTrue();
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(190));
        assertThat(call.missed()).isFalse();
    }

    @Test
    void aRedirectedIncomingCallIsIncomingAndACallbackIsOutgoing() {
        assertThat(Bitrix24CallEvent.parse(event("3", "89161234567", "7", "20", "200"), RECEIVED).direction())
                .isEqualTo(CallDirection.INCOMING);
        assertThat(Bitrix24CallEvent.parse(event("4", "89161234567", "7", "20", "200"), RECEIVED).direction())
                .isEqualTo(CallDirection.OUTGOING);
    }

    @Test
    void theOperatorMayComeAsTheDocumentedAccountUserId() {
        Map<String, String> fields = event("2", "89161234567", "0", "45", "200");
        fields.remove("data[PORTAL_USER_ID]");
        fields.put("data[ACCOUNT_USER_ID]", "12");
        assertThat(Bitrix24CallEvent.parse(fields, RECEIVED).managerId()).isEqualTo(12);
    }

    @Test
    void aMalformedEventNamesItsField() {
        assertField(event("9", "89161234567", "7", "0", "304"), "data[CALL_TYPE]");
        assertField(event("2", "101", "7", "0", "304"), "data[PHONE_NUMBER]");
        assertField(event("2", "89161234567", "seven", "0", "304"), "data[PORTAL_USER_ID]");
        Map<String, String> noId = event("2", "89161234567", "7", "0", "304");
        noId.remove("data[CALL_ID]");
        assertField(noId, "data[CALL_ID]");
        Map<String, String> otherEvent = event("2", "89161234567", "7", "0", "304");
        otherEvent.put("event", "ONCRMDEALADD");
        assertField(otherEvent, "event");
        Map<String, String> badDate = event("2", "89161234567", "7", "0", "304");
        badDate.put("data[CALL_START_DATE]", "вчера");
        assertField(badDate, "data[CALL_START_DATE]");
    }

    private static void assertField(Map<String, String> fields, String field) {
        assertThatThrownBy(() -> Bitrix24CallEvent.parse(fields, RECEIVED)).isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field));
    }
}

package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.sms.SmsSending;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.web.WebhookSignatures;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three telephony webhooks over HTTP, as each provider sends them: verified before anything is stored (401), a
 * number that is no phone number refused naming its field (400), a body over 1 MB refused (413), a call stored once
 * however often it is delivered, and a call a manager took counted as that manager's activity. And the SMS a client
 * gets, through the SMS.ru adapter into the sandbox's outbox: once per number within the window.
 */
@ShiftRelayIntegrationTest
class TelephonyAndSmsIT {

    private static final String PBX_SECRET = "test-pbx-secret";

    @Autowired JdbcTemplate jdbc;
    @Autowired SandboxCrm sandbox;
    @Autowired SmsSending sms;
    @LocalServerPort int port;

    @Test
    void bitrix24TelephonysCallEndIsVerifiedByItsApplicationTokenAndStoredOnce() {
        Api api = new Api(port);
        Map<String, String> event = Bitrix24CallEventTest.event("2", "+7 (916) 111-22-33", "0", "0", "304");
        event.put("data[CALL_ID]", "externalCall.it.1");
        event.put("auth[application_token]", "forged");
        assertThat(post(api, "/webhooks/telephony/bitrix24", form(event)).status()).isEqualTo(401);
        assertThat(stored("bitrix24", "externalCall.it.1")).isZero();

        event.put("auth[application_token]", "test-telephony-token");
        for (int delivery = 1; delivery <= 3; delivery++) {
            Api.Response answer = post(api, "/webhooks/telephony/bitrix24", form(event));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body().get("accepted").asBoolean()).isEqualTo(delivery == 1);
        }
        assertThat(stored("bitrix24", "externalCall.it.1")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select client_number from telephony_calls where provider_call_id = ?",
                String.class, "externalCall.it.1")).isEqualTo("79161112233");

        event.put("data[CALL_ID]", "externalCall.it.2");
        event.put("data[PHONE_NUMBER]", "анонимный");
        Api.Response malformed = post(api, "/webhooks/telephony/bitrix24", form(event));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("field").asText()).isEqualTo("data[PHONE_NUMBER]");
        assertThat(stored("bitrix24", "externalCall.it.2")).isZero();

        Api.Response json = api.request("POST", "/webhooks/telephony/bitrix24").json("{}").send();
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body().get("field").asText()).isEqualTo("Content-Type");
        String huge = form(event) + "&padding=" + "x".repeat(1024 * 1024);
        assertThat(post(api, "/webhooks/telephony/bitrix24", huge).status()).isEqualTo(413);
    }

    @Test
    void mangosSummaryIsVerifiedByItsSignAndStoredOnce() {
        Api api = new Api(port);
        String summary = MangoSummaryTest.summary("MToxMDA1NzU5Mzo1MDI6SVQ=", 1, "89162223344", null, "74951234567",
                null, Instant.now().getEpochSecond() - 30, 0, Instant.now().getEpochSecond());
        assertThat(post(api, "/webhooks/telephony/mango/events/summary",
                form(MangoSummaryTest.signed(summary, "test-vpbx-key", "guessed-salt"))).status()).isEqualTo(401);
        assertThat(stored("mango", "MToxMDA1NzU5Mzo1MDI6SVQ=")).isZero();

        for (int delivery = 1; delivery <= 3; delivery++) {
            Api.Response answer = post(api, "/webhooks/telephony/mango/events/summary",
                    form(MangoSummaryTest.signed(summary, "test-vpbx-key", "test-vpbx-salt")));
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body().get("accepted").asBoolean()).isEqualTo(delivery == 1);
        }
        assertThat(stored("mango", "MToxMDA1NzU5Mzo1MDI6SVQ=")).isEqualTo(1);

        Api.Response malformed = post(api, "/webhooks/telephony/mango/events/summary",
                form(MangoSummaryTest.signed("{\"entry_id\":\"x\",\"call_direction\":7}", "test-vpbx-key",
                        "test-vpbx-salt")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("field").asText()).isEqualTo("json.call_direction");
    }

    @Test
    void aPbxCallIsVerifiedByItsHmacAReplayIsTheSameCallAndAnAnsweredCallCountsAsTheManagersActivity() {
        Api api = new Api(port);
        long team = sandbox.createTeam("Телефония");
        long manager = sandbox.createUser("Тамара Телефонная", "tamaraphone@demo.shiftrelay.local", team);
        assertThat(api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin")
                .status()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/managers/" + manager, "admin", "admin")
                .status() == 200);

        Instant started = Instant.now().minusSeconds(200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] body = ("{\"callId\":\"pbx-it-1\",\"direction\":\"outgoing\",\"clientNumber\":\"8 916 333-44-55\","
                + "\"managerId\":" + manager + ",\"answered\":true,\"durationSeconds\":190,\"startedAt\":\"" + started
                + "\"}").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        assertThat(pbx(api, body, now, PbxCallTest.signature("guessed", now, body)).status()).isEqualTo(401);
        long stale = now - 3600;
        assertThat(pbx(api, body, stale, PbxCallTest.signature(PBX_SECRET, stale, body)).status())
                .as("a replay signed an hour ago").isEqualTo(401);
        assertThat(stored("pbx", "pbx-it-1")).isZero();

        String signature = PbxCallTest.signature(PBX_SECRET, now, body);
        for (int delivery = 1; delivery <= 3; delivery++) {
            Api.Response answer = pbx(api, body, now, signature);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.body().get("accepted").asBoolean()).isEqualTo(delivery == 1);
        }
        assertThat(stored("pbx", "pbx-it-1")).isEqualTo(1);
        JsonNode seen = api.get("/api/managers/" + manager, "admin", "admin").body();
        assertThat(Instant.parse(seen.get("lastActivityAt").asText())).as("the call's end").isEqualTo(started.plusSeconds(190));

        byte[] malformed = "{\"callId\":\"pbx-it-2\",\"direction\":\"incoming\",\"clientNumber\":\"12\"}"
                .getBytes(StandardCharsets.UTF_8);
        Api.Response refused = pbx(api, malformed, now, PbxCallTest.signature(PBX_SECRET, now, malformed));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("clientNumber");
        assertThat(stored("pbx", "pbx-it-2")).isZero();
    }

    @Test
    void theSmsRuAdapterTextsThroughTheSandboxOutboxOncePerNumberWithinTheWindow() {
        Api api = new Api(port);
        assertThat(sms.send("it-call-1", "79164445566")).isEqualTo(SmsSending.Outcome.SENT);
        assertThat(sms.send("it-call-2", "79164445566")).isEqualTo(SmsSending.Outcome.THROTTLED);
        assertThat(sms.send("it-call-1", "79164445566")).as("the step run again").isEqualTo(SmsSending.Outcome.SENT);

        JsonNode outbox = api.get("/sandbox/state", "admin", "admin").body().get("sms");
        assertThat(outbox).filteredOn(m -> m.get("number").asText().equals("79164445566")).singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).startsWith("Мы видим ваш пропущенный звонок"));

        JsonNode wrongKey = api.request("POST", "/sandbox/smsru/sms/send")
                .form("api_id=guessed&to=79164445566&msg=x&json=1").send().body();
        assertThat(wrongKey.get("status_code").asInt()).isEqualTo(200);
    }

    private int stored(String provider, String callId) {
        Integer count = jdbc.queryForObject("select count(*) from telephony_calls where provider = ? and"
                + " provider_call_id = ?", Integer.class, provider, callId);
        return count == null ? 0 : count;
    }

    private static Api.Response post(Api api, String path, String form) {
        return api.request("POST", path).form(form).send();
    }

    private static Api.Response pbx(Api api, byte[] body, long timestamp, String signature) {
        return api.request("POST", "/webhooks/telephony/calls")
                .header(PbxCall.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(PbxCall.SIGNATURE_HEADER, signature)
                .body("application/json", HttpRequest.BodyPublishers.ofByteArray(body)).send();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

package com.shiftrelay.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.deal;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.list;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.ok;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shiftrelay.ShiftRelayApplication;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.IntegrationTestProfiles;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on {@code shiftrelay.crm.provider=bitrix24}, against a stub portal reached by an inbound
 * webhook: the portal's employees and departments become managers and teams, a call in the CRM counts as activity,
 * a manager who leaves has their open deals written to the colleagues at work in one {@code batch}, and the work
 * day on the portal's time clock starts a shift when it is opened and ends it when it is closed.
 */
@SpringBootTest(classes = ShiftRelayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
        "shiftrelay.crm.provider=bitrix24",
        "shiftrelay.crm.bitrix24.requests-per-second=50",
        "shiftrelay.crm.pinned-field-id=1",
        "shiftrelay.crm.bitrix24.pinned-field=UF_CRM_PINNED",
        "camunda.bpm.admin-user.password=" + Bitrix24PortalIT.ADMIN_PASSWORD,
        "shiftrelay.presence.inactivity-interval=PT1H",
        "shiftrelay.presence.confirmation-timeout=PT5S",
        "shiftrelay.webhooks.bitrix24.application-token=" + Bitrix24PortalIT.APPLICATION_TOKEN,
        "shiftrelay.webhooks.bitrix24.domain=clinic.bitrix24.ru",
        "shiftrelay.presence.tasklist-url=https://shiftrelay.example/camunda/app/tasklist/default/",
        "shiftrelay.presence.activity-poll-interval=PT1S",
        "shiftrelay.presence.directory-sync-interval=PT1H",
})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
class Bitrix24PortalIT {

    static final String ADMIN_PASSWORD = "portal-Admin-7";
    static final String APPLICATION_TOKEN = "51856fefc120afa4b628cc82d3935cce";
    static final String REST = "/rest/1/webhookcode";
    static final WireMockServer portal = new WireMockServer(options().dynamicPort());

    static {
        portal.start();
        portal.stubFor(post(urlEqualTo(REST + "/department.get.json")).willReturn(list(List.of(
                "{\"ID\":\"31\",\"NAME\":\"Клиника на Ленина\",\"SORT\":500,\"PARENT\":\"1\",\"UF_HEAD\":\"0\"}"),
                null, 1)));
        portal.stubFor(post(urlEqualTo(REST + "/user.get.json")).willReturn(list(List.of(
                user(311, "Анна", "Битрикс", true, 31), user(312, "Борис", "Битрикс", true, 31),
                user(313, "Вера", "Битрикс", true, 31)), null, 3)));
        portal.stubFor(post(urlEqualTo(REST + "/crm.activity.list.json")).willReturn(list(List.of(), null, 0)));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).willReturn(list(List.of(
                deal(9001, 313, 0, "P", "15000.00", "0"), deal(9002, 313, 0, "P", "2000", "N"),
                deal(9003, 313, 0, "P", "100", "1"), deal(9004, 313, 0, "P", "900.50", "0")), null, 0)));
        portal.stubFor(post(urlEqualTo(REST + "/im.notify.personal.add.json"))
                .willReturn(ok("{\"result\":4242," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/im.notify.delete.json"))
                .willReturn(ok("{\"result\":true," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok("{\"result\":{\"result\":{"
                + "\"deal9001\":true,\"deal9002\":true,\"deal9004\":true},\"result_error\":[],\"result_total\":[],"
                + "\"result_next\":[],\"result_time\":[]}," + Bitrix24Portal.TIME + "}")));
        workDays("OPENED", "OPENED", "CLOSED");
    }

    /** timeman.status of Anna, Boris and Vera, as the portal answers the batch that asks for them. */
    static void workDays(String anna, String boris, String vera) {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).atPriority(1)
                .withRequestBody(containing("timeman.status"))
                .willReturn(ok("{\"result\":{\"result\":{\"user311\":{\"STATUS\":\"" + anna + "\"},"
                        + "\"user312\":{\"STATUS\":\"" + boris + "\"},\"user313\":{\"STATUS\":\"" + vera + "\"}},"
                        + "\"result_error\":[],\"result_total\":[],\"result_next\":[],\"result_time\":[]},"
                        + Bitrix24Portal.TIME + "}")));
    }

    @DynamicPropertySource
    static void portalAddress(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.crm.bitrix24.webhook-url", () -> portal.baseUrl() + REST + "/");
    }

    // The portal is not stopped after the class: the application's context outlives it (contexts are cached until the
    // JVM ends), and jobs still running would meet a closed port and hold up the shutdown with their retries.

    @LocalServerPort
    int port;

    @Test
    void thePortalsPeopleWorkAndLeaveAsOnAmoCrm() {
        Api api = new Api(port);
        // The directory sync at start: three employees of one department.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode managers = api.get("/api/managers", "admin", ADMIN_PASSWORD).body();
            return managers != null && managers.findValuesAsText("id").containsAll(List.of("311", "312", "313"));
        });
        JsonNode vera = api.get("/api/managers/313", "admin", ADMIN_PASSWORD).body();
        assertThat(vera.get("name").asText()).isEqualTo("Вера Битрикс");
        assertThat(vera.get("teamId").asLong()).isEqualTo(31);

        for (long id : List.of(311L, 312L, 313L)) {
            assertThat(api.post("/api/managers/" + id + "/online", null, "admin", ADMIN_PASSWORD).status())
                    .isEqualTo(202);
        }

        // Boris takes a call in Bitrix24: the activity feed counts it as his.
        Instant call = Instant.now().plusSeconds(1);
        String at = call.atOffset(ZoneOffset.ofHours(3)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        portal.stubFor(post(urlEqualTo(REST + "/crm.activity.list.json")).willReturn(list(List.of(
                "{\"ID\":\"77\",\"OWNER_ID\":\"9001\",\"OWNER_TYPE_ID\":\"2\",\"TYPE_ID\":\"2\",\"PROVIDER_ID\":"
                        + "\"VOXIMPLANT_CALL\",\"DIRECTION\":\"2\",\"COMPLETED\":\"Y\",\"RESPONSIBLE_ID\":\"312\","
                        + "\"AUTHOR_ID\":\"312\",\"EDITOR_ID\":\"312\",\"CREATED\":\"" + at + "\",\"LAST_UPDATED\":\""
                        + at + "\"}"), null, 0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode boris = api.get("/api/managers/312", "admin", ADMIN_PASSWORD).body();
            return !boris.get("lastActivityAt").isNull()
                    && !Instant.parse(boris.get("lastActivityAt").asText()).isBefore(call.minusSeconds(1));
        });

        // Vera leaves: her three unpinned open deals go to Anna and Boris in one batch; the pinned one stays.
        assertThat(api.post("/api/managers/313/offline", null, "admin", ADMIN_PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !dealBatches().isEmpty());
        List<LoggedRequest> batches = dealBatches();
        assertThat(batches).hasSize(1);
        String body = batches.get(0).getBodyAsString();
        assertThat(body).contains("deal9002").contains("deal9004").doesNotContain("deal9003");
        assertThat(body).doesNotContain("ASSIGNED_BY_ID%5D=313");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode runs = api.get("/api/handovers?managerId=313", "admin", ADMIN_PASSWORD).body();
            return runs.size() == 1 && runs.get(0).get("moves").size() == 3 && runs.get(0).get("moves")
                    .findValuesAsText("status").stream().allMatch("WRITTEN"::equals);
        });

        // The next morning's clock: Vera opens her work day in Bitrix24 and is at work; Anna closes hers and leaves.
        workDays("CLOSED", "OPENED", "OPENED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(state(api, 313)).isEqualTo("ONLINE");
            assertThat(state(api, 311)).isEqualTo("OFFLINE");
        });
        assertThat(state(api, 312)).as("Boris's day goes on").isEqualTo("ONLINE");

        // The team says a pause is leaving (a clinic whose breaks are long): Vera pauses her day and is OFFLINE. A value
        // that is neither is refused naming the field, and changes nothing.
        Api.Response bad = api.put("/api/teams/31/settings", "{\"workDayPause\":\"lunch\"}", "admin", ADMIN_PASSWORD);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("workDayPause");
        JsonNode team = api.put("/api/teams/31/settings", "{\"workDayPause\":\"offline\"}", "admin", ADMIN_PASSWORD)
                .body();
        assertThat(team.get("workDayPause").asText()).isEqualTo("offline");
        workDays("CLOSED", "OPENED", "PAUSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, 313).equals("OFFLINE"));
        assertThat(api.put("/api/teams/31/settings", "{\"workDayPause\":\"default\"}", "admin", ADMIN_PASSWORD)
                .body().get("workDayPause").asText()).as("back to the setting's default").isEqualTo("ignore");

        // Boris's shift ends by his schedule (as ManagerShifts would say): the presence check reaches him in Bitrix24
        // too, with a link to his task in Tasklist, and the notification is withdrawn when the window has closed.
        assertThat(api.post("/engine-rest/message", "{\"messageName\":\"ShiftEnded\",\"businessKey\":\"312\","
                + "\"processVariables\":{\"presenceCheckReason\":{\"value\":\"SHIFT_END\"}}}", "admin", ADMIN_PASSWORD)
                .status()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(40)).until(() -> !portal.findAll(postRequestedFor(
                urlEqualTo(REST + "/im.notify.personal.add.json")).withRequestBody(
                matchingJsonPath("$.USER_ID", equalTo("312")))).isEmpty());
        String notice = portal.findAll(postRequestedFor(urlEqualTo(REST + "/im.notify.personal.add.json"))
                .withRequestBody(matchingJsonPath("$.USER_ID", equalTo("312")))).get(0).getBodyAsString();
        assertThat(notice).contains("Смена закончилась. Вы ещё на работе?")
                .contains("https://shiftrelay.example/camunda/app/tasklist/default/#/?task=");
        await().atMost(Duration.ofSeconds(40)).until(() -> !portal.findAll(postRequestedFor(
                urlEqualTo(REST + "/im.notify.delete.json")).withRequestBody(
                matchingJsonPath("$.ID", equalTo("4242")))).isEmpty());
    }

    @Test
    void aDealEventIsVerifiedByItsApplicationTokenStoredOnceAndOtherwiseRefused() {
        Api api = new Api(port);
        String added = event("ONCRMDEALADD", "6641", APPLICATION_TOKEN, "clinic.bitrix24.ru");

        Api.Response first = webhook(api, added);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
        // Bitrix24 sent it twice (or somebody replays it): stored and acted on once
        Api.Response again = webhook(api, added);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("accepted").asInt()).isZero();

        Api.Response forged = webhook(api, event("ONCRMDEALADD", "6642", "guessed-token", "clinic.bitrix24.ru"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.body().get("field").asText()).isEqualTo("auth[application_token]");
        assertThat(webhook(api, event("ONCRMDEALADD", "6643", APPLICATION_TOKEN, "other.bitrix24.ru")).status())
                .as("another portal").isEqualTo(401);
        Api.Response malformed = webhook(api, event("ONCRMDEALADD", "six", APPLICATION_TOKEN, "clinic.bitrix24.ru"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("field").asText()).isEqualTo("data[FIELDS][ID]");
        assertThat(api.request("POST", "/webhooks/bitrix24").json("{\"event\":\"ONCRMDEALADD\"}").send().status())
                .as("not a form").isEqualTo(400);
        assertThat(webhook(api, added + "&pad=" + "x".repeat(1024 * 1024)).status()).isEqualTo(413);
        // the refused ones left nothing behind: the same deals sent properly now are new
        assertThat(webhook(api, event("ONCRMDEALADD", "6642", APPLICATION_TOKEN, "clinic.bitrix24.ru")).body()
                .get("accepted").asInt()).isEqualTo(1);
    }

    private static Api.Response webhook(Api api, String form) {
        return api.request("POST", "/webhooks/bitrix24").form(form).send();
    }

    /** An event as a Bitrix24 portal posts it to a handler: form-encoded, brackets and all. */
    private static String event(String event, String dealId, String token, String domain) {
        return "event=" + event + "&event_handler_id=185&data%5BFIELDS%5D%5BID%5D=" + dealId + "&ts=1735374081"
                + "&auth%5Bdomain%5D=" + domain + "&auth%5Bclient_endpoint%5D=https%3A%2F%2F" + domain + "%2Frest%2F"
                + "&auth%5Bmember_id%5D=a223c6b3710f85df22e9377d6c4f7553&auth%5Bapplication_token%5D=" + token;
    }

    private static List<LoggedRequest> dealBatches() {
        return portal.findAll(postRequestedFor(urlEqualTo(REST + "/batch.json"))
                .withRequestBody(matchingJsonPath("$.cmd.deal9001", containing("crm.deal.update?id=9001"))));
    }

    private static String state(Api api, long id) {
        return api.get("/api/managers/" + id, "admin", ADMIN_PASSWORD).body().get("state").asText();
    }
}

package com.shiftrelay.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.OnSandboxBitrix24;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new deal end to end with the sandbox speaking Bitrix24: the portal's {@code ONCRMDEALADD} event reaches
 * {@code /webhooks/bitrix24}, is checked by its application token, stored once, and the deal, read back with
 * {@code crm.deal.list}, goes by the shipped rules to the colleague on shift, written by a {@code batch} of
 * {@code crm.deal.update}; the log says so. A second delivery of the same event and a forged one change nothing.
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewDealOnBitrix24IT {

    private static final String PASSWORD = "demo";
    /** The portal's events are signed with the sandbox's token (the sandbox-bitrix24 profile). */
    private static final String TOKEN = "sandbox-token";
    /** A pipeline the shipped rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal). */
    private static final long PIPELINE = 7009, OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @LocalServerPort int port;

    @Test
    @Order(1)
    void aPortalsNewDealEventRoutesTheDealToTheColleagueOnShiftOnce() {
        Api api = new Api(port);
        long team = sandbox.createTeam("Приёмная Битрикс");
        long away = sandbox.createUser("Ульяна Ушедшая", "ulyanab24@demo.shiftrelay.local", team);
        long onShift = sandbox.createUser("Фёдор Дежурный", "fedorb24@demo.shiftrelay.local", team);
        api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("ulyanab24", "fedorb24").stream()
                .allMatch(login -> api.get("/api/managers/" + onShift, login, PASSWORD).status() == 200));
        // Nobody is asked whether they are still at work while the tests run: this is about deals, not presence (a
        // presence check that took Fyodor OFFLINE would hand his deals over under the second test's feet).
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin", "admin")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/managers/" + onShift + "/online", null, "fedorb24", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, onShift).equals("ONLINE"));
        assertThat(state(api, away)).isNotEqualTo("ONLINE");

        // A web form creates the deal for Ulyana, who is not at work; the portal tells ShiftRelay.
        long deal = sandbox.createLead("Заявка с сайта", away, PIPELINE, OPEN_STATUS, false);
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event(deal, "forged-token")).send().status())
                .as("a forged event is refused").isEqualTo(401);
        Api.Response accepted = api.request("POST", "/webhooks/bitrix24").form(event(deal, TOKEN)).send();
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.lead(deal).responsibleId() == onShift);
        JsonNode log = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("kind").asText()).isEqualTo("ASSIGNED");
        assertThat(log.get(0).get("manager").get("id").asLong()).isEqualTo(onShift);

        // The portal delivers the event again: it is the same event, and the deal stays where it is, logged once.
        Api.Response again = api.request("POST", "/webhooks/bitrix24").form(event(deal, TOKEN)).send();
        assertThat(again.status()).isEqualTo(200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/assignments?dealId=" + deal, "admin", "admin").body().size() == 1);
        assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(onShift);
    }

    /**
     * ONCRMDEALUPDATE names only the deal: what changed is what ShiftRelay reads back. A person's reassignment is
     * logged as one, a move into another pipeline is routed as a stage change, and the echo of ShiftRelay's own write
     * is not even read back.
     */
    @Test
    @Order(2)
    void aPortalsUpdateEventIsReadBackAndActedOnAsWhatChanged() {
        Api api = new Api(port);
        long team = 1; // "Приёмная Битрикс", the first department of this context (see the first test)
        long away = sandbox.users().stream().filter(u -> u.login().equals("ulyanab24")).findFirst().orElseThrow().id();
        long onShift = sandbox.users().stream().filter(u -> u.login().equals("fedorb24")).findFirst().orElseThrow().id();
        assertThat(sandbox.users()).filteredOn(u -> u.id() == away).singleElement()
                .satisfies(u -> assertThat(u.teamId()).isEqualTo(team));

        // Fyodor, at work, has a deal of his own: routing leaves it with him and writes nothing.
        assertThat(api.get("/api/managers/" + onShift, "admin", "admin").body().get("state").asText()).isEqualTo("ONLINE");
        long deal = sandbox.createLead("Повторный визит", onShift, PIPELINE, OPEN_STATUS, false);
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALADD", deal, TOKEN)).send().status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() == 1);

        // A receptionist gives it to Ulyana in Bitrix24: the update is read back and logged as a person's reassignment.
        sandbox.reassignByHand(deal, away);
        nextSecond();
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALUPDATE", deal, TOKEN)).send()
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() == 2);
        JsonNode reassigned = log(api, deal).get(1);
        assertThat(reassigned.get("kind").asText()).isEqualTo("REASSIGNED_IN_CRM");
        assertThat(reassigned.get("manager").get("id").asLong()).isEqualTo(away);
        assertThat(sandbox.lead(deal).responsibleId()).as("a person's choice stays").isEqualTo(away);

        // She moves it into "Продажи", which the shipped rules give to team 1, her own: routed as a stage change.
        sandbox.createPipeline(7001, "Продажи");
        sandbox.moveLead(deal, 7001L, 70011);
        nextSecond();
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALUPDATE", deal, TOKEN)).send()
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() == 3);
        JsonNode routed = log(api, deal).get(2);
        assertThat(routed.get("kind").asText()).isEqualTo("LEFT_ALONE");
        assertThat(routed.get("note").asText()).contains("its stage changed within the team that handles it");

        // An update with nothing routing cares about (its name, say) is read back and changes nothing.
        nextSecond();
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALUPDATE", deal, TOKEN) + "&x=1")
                .send().status()).isEqualTo(200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> log(api, deal).size() == 3);
    }

    /**
     * A portal sends an update for each edit, and they arrive together: told apart one after the other, a single
     * reassignment is logged once however many updates report it and however many job threads read them back.
     */
    @Test
    @Order(3)
    void aBurstOfUpdatesOfOneDealLogsItsOneReassignmentOnce() {
        Api api = new Api(port);
        long away = sandbox.users().stream().filter(u -> u.login().equals("ulyanab24")).findFirst().orElseThrow().id();
        long onShift = sandbox.users().stream().filter(u -> u.login().equals("fedorb24")).findFirst().orElseThrow().id();
        long deal = sandbox.createLead("Запись на приём", onShift, PIPELINE, OPEN_STATUS, false);
        assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALADD", deal, TOKEN)).send().status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() == 1);

        sandbox.reassignByHand(deal, away);
        long ts = java.time.Instant.now().getEpochSecond();
        for (int edit = 0; edit < 8; edit++) {
            assertThat(api.request("POST", "/webhooks/bitrix24").form(event("ONCRMDEALUPDATE", deal, TOKEN, ts + edit))
                    .send().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() >= 2);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).until(() -> log(api, deal).size() == 2);
        JsonNode reassigned = log(api, deal).get(1);
        assertThat(reassigned.get("kind").asText()).isEqualTo("REASSIGNED_IN_CRM");
        assertThat(reassigned.get("manager").get("id").asLong()).isEqualTo(away);
    }

    /** A portal's events carry their time in seconds: the next update of the deal is another event. */
    private static void nextSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The deal's assignment log, oldest first. */
    private static JsonNode log(Api api, long deal) {
        return api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
    }

    /** ONCRMDEALADD as a portal posts it to a handler (api-reference/crm/deals/events/on-crm-deal-add.md). */
    private static String event(long deal, String token) {
        return event("ONCRMDEALADD", deal, token);
    }

    private static String event(String event, long deal, String token) {
        return event(event, deal, token, java.time.Instant.now().getEpochSecond());
    }

    private static String event(String event, long deal, String token, long ts) {
        return "event=" + event + "&event_handler_id=7&data%5BFIELDS%5D%5BID%5D=" + deal + "&ts=" + ts
                + "&auth%5Bdomain%5D=sandbox.bitrix24.local&auth%5Bapplication_token%5D=" + token;
    }

    private static String state(Api api, long managerId) {
        return api.get("/api/managers/" + managerId, "admin", "admin").body().get("state").asText();
    }
}

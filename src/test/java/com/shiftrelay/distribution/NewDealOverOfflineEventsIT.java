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
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * New and changed deals through Bitrix24's offline events, end to end, with nothing posted to ShiftRelay: ShiftRelay
 * signs in to the sandbox portal as its local application (OAuth, a refresh token spent at each renewal, here every
 * few seconds), binds the deal events offline with its auth_connector, and reads them with every activity read. A
 * deal made in the portal is routed to the colleague on shift; ShiftRelay's own write does not come back as an event;
 * a person's reassignment does and is logged as theirs; deals made while ShiftRelay reads nothing wait in the portal
 * and are routed once it reads again.
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24(asApplication = true)
@TestPropertySource(properties = "shiftrelay.sandbox.bitrix24.access-token-lifetime=PT4S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewDealOverOfflineEventsIT {

    private static final String PASSWORD = "demo";
    /** A pipeline the shipped rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal). */
    private static final long PIPELINE = 7009, OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired RepositoryService repository;
    @LocalServerPort int port;

    @Test
    @Order(1)
    void aDealMadeInThePortalIsRoutedFromItsOfflineEventAndShiftRelaysWriteDoesNotComeBack() {
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> application(api).get("offlineEventsBound").size() == 3);
        assertThat(application(api).get("offlineEventsBound")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "ONCRMDEALADD (shiftrelay)", "ONCRMDEALUPDATE (shiftrelay)", "ONCRMDEALDELETE (shiftrelay)");

        long team = sandbox.createTeam("Регистратура офлайн");
        long away = sandbox.createUser("Вера Ушедшая", "veraoffline@demo.shiftrelay.local", team);
        long onShift = sandbox.createUser("Глеб Дежурный", "gleboffline@demo.shiftrelay.local", team);
        api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("veraoffline", "gleboffline").stream()
                .allMatch(login -> api.get("/api/managers/" + onShift, login, PASSWORD).status() == 200));
        // This is about deals, not presence: nobody is asked whether they are still at work meanwhile.
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin", "admin")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/managers/" + onShift + "/online", null, "gleboffline", PASSWORD).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, onShift).equals("ONLINE"));

        long recordedBefore = application(api).get("offlineEventsRecorded").asLong();
        long deal = sandbox.createLead("Запись из портала", away, PIPELINE, OPEN_STATUS, false);

        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.lead(deal).responsibleId() == onShift);
        JsonNode log = log(api, deal);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("kind").asText()).isEqualTo("ASSIGNED");
        assertThat(log.get(0).get("manager").get("id").asLong()).isEqualTo(onShift);
        // The portal kept the new deal's event, and none for ShiftRelay's reassignment, made with its auth_connector;
        // what ShiftRelay read it cleared.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode app = application(api);
            return app.get("offlineEventsRecorded").asLong() == recordedBefore + 1
                    && app.get("offlineEventsQueued").asInt() == 0 && app.get("offlineEventsHidden").asInt() == 0;
        });
        assertThat(log(api, deal)).hasSize(1);
    }

    @Test
    @Order(2)
    void aPersonsReassignmentInThePortalComesAsAnUpdateAndIsLoggedAsTheirs() {
        Api api = new Api(port);
        long away = login("veraoffline");
        long onShift = login("gleboffline");
        long deal = sandbox.createLead("Повторная запись", away, PIPELINE, OPEN_STATUS, false);
        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.lead(deal).responsibleId() == onShift);
        // An update that soon after ShiftRelay's own write of the deal is taken for its echo (PT2S in these tests).
        sleep(Duration.ofMillis(2500));

        sandbox.reassignByHand(deal, away);
        await().atMost(Duration.ofSeconds(40)).until(() -> log(api, deal).size() == 2);
        JsonNode reassigned = log(api, deal).get(1);
        assertThat(reassigned.get("kind").asText()).isEqualTo("REASSIGNED_IN_CRM");
        assertThat(reassigned.get("manager").get("id").asLong()).isEqualTo(away);
        assertThat(sandbox.lead(deal).responsibleId()).as("a person's choice stays").isEqualTo(away);
    }

    /**
     * ShiftRelay reading nothing (its activity reads suspended, as while it is down) loses nothing: the portal keeps
     * the events, and the next reads route every deal once.
     */
    @Test
    @Order(3)
    void dealsMadeWhileShiftRelayReadsNothingWaitInThePortalAndAreRoutedOnceItReadsAgain() {
        Api api = new Api(port);
        long away = login("veraoffline");
        long onShift = login("gleboffline");
        repository.suspendProcessDefinitionByKey("ActivityPolling", true, null);
        List<Long> deals;
        try {
            // A read that had started before the suspension may still finish.
            sleep(Duration.ofSeconds(2));
            deals = List.of(sandbox.createLead("Ночная заявка 1", away, PIPELINE, OPEN_STATUS, false),
                    sandbox.createLead("Ночная заявка 2", away, PIPELINE, OPEN_STATUS, false),
                    sandbox.createLead("Ночная заявка 3", away, PIPELINE, OPEN_STATUS, false));
            sleep(Duration.ofSeconds(3));
            assertThat(application(api).get("offlineEventsQueued").asInt()).as("kept by the portal").isEqualTo(3);
            assertThat(deals).allSatisfy(deal -> assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(away));
        } finally {
            repository.activateProcessDefinitionByKey("ActivityPolling", true, null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                deals.stream().allMatch(deal -> sandbox.lead(deal).responsibleId() == onShift));
        assertThat(deals).allSatisfy(deal -> assertThat(log(api, deal)).hasSize(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> application(api).get("offlineEventsQueued").asInt() == 0
                && application(api).get("offlineEventsHidden").asInt() == 0);
        // Signed in all along: the access token lives 4 s here, and each renewal spent the refresh token before it.
        assertThat(application(api).get("accessTokensIssued").asInt()).isGreaterThanOrEqualTo(3);
    }

    private long login(String login) {
        return sandbox.users().stream().filter(u -> u.login().equals(login)).findFirst().orElseThrow().id();
    }

    private static JsonNode application(Api api) {
        return api.get("/sandbox/state", "admin", "admin").body().get("dialect").get("application");
    }

    /** The deal's assignment log, oldest first. */
    private static JsonNode log(Api api, long deal) {
        return api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
    }

    private static String state(Api api, long managerId) {
        return api.get("/api/managers/" + managerId, "admin", "admin").body().get("state").asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

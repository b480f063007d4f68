package com.shiftrelay.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.AmoCrmWebhookBodies;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ModelerDeploy;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Routing new deals end to end, through HTTP, the shipped rules (processes/DealRouting.dmn) and the sandbox CRM:
 * amoCRM's webhooks bring 50 new deals, some twice; the administrators' deals go to the three administrators on shift
 * evenly, the curators' deals wait in their queue until two curators come, and the log explains every decision. Then a
 * process owner changes a rule from Camunda Modeler (the engine REST API with their own login) and the very next
 * deal follows it.
 */
@ShiftRelayIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealRoutingIT {

    private static final String WEBHOOK = "/webhooks/amocrm/sandbox-webhook-secret";
    private static final String PASSWORD = "demo";
    /** The shipped rules name these pipelines and teams (the CRM groups 1 and 2). */
    private static final long SALES = 7001, SALES_OPEN = 70011, VISITS = 7002, VISITS_OPEN = 70021;
    private static final long ADMINISTRATORS = 1, CURATORS = 2;

    @Autowired SandboxCrm sandbox;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;
    @LocalServerPort int port;

    private static long incoming;
    private static final List<Long> administrators = new ArrayList<>();
    private static final List<Long> curators = new ArrayList<>();

    @Test
    @Order(1)
    void fiftyNewDealsAreRoutedByTheRulesAndTheCuratorsQueueIsSplitInArrivalOrder() {
        Api api = new Api(port);
        // The shipped rules route to the CRM groups 1 and 2: this context's first two teams.
        assertThat(sandbox.createTeam("Администраторы")).isEqualTo(ADMINISTRATORS);
        assertThat(sandbox.createTeam("Кураторы")).isEqualTo(CURATORS);
        sandbox.createPipeline(SALES, "Продажи");
        sandbox.createPipeline(VISITS, "Сопровождение");
        for (String who : List.of("anna", "boris", "vera")) {
            administrators.add(sandbox.createUser(who + " Маршрутова", who + "route@demo.shiftrelay.local", ADMINISTRATORS));
        }
        for (String who : List.of("evgeny", "zhanna", "zoya")) {
            curators.add(sandbox.createUser(who + " Маршрутов", who + "route@demo.shiftrelay.local", CURATORS));
        }
        // Where a web form's leads land in the CRM: a user of no team.
        incoming = sandbox.createUser("Входящие заявки", "incomingroute@demo.shiftrelay.local", null);
        syncDirectory(api);
        // The curators' queue waits a moment after the first arrival, so that both curators share it. Nobody is asked
        // whether they are still at work while the test runs: this is about routing, not presence.
        assertThat(api.put("/api/teams/" + CURATORS + "/settings", "{\"drainDelay\":\"PT5S\","
                + "\"inactivityInterval\":\"PT1H\"}", "admin", "admin").status()).isEqualTo(200);
        assertThat(api.put("/api/teams/" + ADMINISTRATORS + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin",
                "admin").status()).isEqualTo(200);
        for (long administrator : administrators) {
            assertThat(api.post("/api/managers/" + administrator + "/online", null, "admin", "admin").status())
                    .isEqualTo(202);
        }

        // 30 deals for the administrators and 20 for the curators, in turns; five of them delivered twice.
        List<Long> sales = new ArrayList<>();
        List<Long> visits = new ArrayList<>();
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean sale = i % 5 < 3;
            long pipeline = sale ? SALES : VISITS;
            long stage = sale ? SALES_OPEN : VISITS_OPEN;
            long deal = sandbox.createLead("Заявка " + i, incoming, pipeline, stage, false);
            (sale ? sales : visits).add(deal);
            String body = addedEvent(deal, "Заявка " + i, pipeline, stage, 10_000 + i, incoming);
            deliveries.add(body);
            assertThat(webhook(api, body).status()).isEqualTo(200);
        }
        for (int i : List.of(0, 7, 13, 21, 44)) {
            Api.Response again = webhook(api, deliveries.get(i));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("accepted").asInt()).isZero();
        }

        // The administrators' deals go to the three on shift, by least load: 10 each.
        await().atMost(Duration.ofSeconds(90)).until(() -> sales.stream()
                .allMatch(deal -> administrators.contains(sandbox.lead(deal).responsibleId())));
        Map<Long, Integer> perAdministrator = new HashMap<>();
        sales.forEach(deal -> perAdministrator.merge(sandbox.lead(deal).responsibleId(), 1, Integer::sum));
        assertThat(perAdministrator.values()).containsOnly(10);

        // The curators' deals wait, in arrival order, because no curator is on shift.
        await().atMost(Duration.ofSeconds(60)).until(() -> queue(api).size() == 20);
        JsonNode queue = queue(api);
        assertThat(IntStream.range(0, 20).mapToLong(i -> queue.get(i).get("dealId").asLong()).boxed().toList())
                .isEqualTo(visits);
        assertThat(IntStream.range(0, 20).map(i -> queue.get(i).get("position").asInt()).boxed().toList())
                .isEqualTo(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(visits).allSatisfy(deal -> assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(incoming));
        theSandboxPageShowsTheQueueAndADealsStory(visits, sales.get(0));

        // Two curators come: after the drain delay the queue is dealt out round robin, oldest first.
        for (long curator : curators.subList(0, 2)) {
            assertThat(api.post("/api/managers/" + curator + "/online", null, "admin", "admin").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> visits.stream()
                .allMatch(deal -> sandbox.lead(deal).responsibleId() != incoming));
        for (int i = 0; i < visits.size(); i++) {
            assertThat(sandbox.lead(visits.get(i)).responsibleId()).as("deal %d of the queue", i + 1)
                    .isEqualTo(curators.get(i % 2));
        }
        assertThat(queue(api)).isEmpty();

        // One assignment per deal: the duplicates started nothing.
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("DealAssignment").count())
                .isEqualTo(50);
        // The log explains every one of the 50.
        for (long deal : sales) {
            JsonNode story = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
            assertThat(story).hasSize(1);
            assertThat(story.get(0).get("kind").asText()).isEqualTo("ASSIGNED");
            assertThat(story.get(0).get("rule").get("id").asText()).isEqualTo("Rule_SalesTreatment");
            assertThat(story.get(0).get("rule").get("annotation").asText()).startsWith("Продажа лечения");
            assertThat(story.get(0).get("strategy").asText()).isEqualTo("LEAST_LOADED");
            assertThat(story.get(0).get("team").get("name").asText()).isEqualTo("Администраторы");
            assertThat(administrators).contains(story.get(0).get("manager").get("id").asLong());
        }
        for (int i = 0; i < visits.size(); i++) {
            JsonNode story = api.get("/api/assignments?dealId=" + visits.get(i), "admin", "admin").body();
            assertThat(story).extracting(entry -> entry.get("kind").asText())
                    .containsExactly("QUEUED", "DEALT_FROM_QUEUE");
            assertThat(story.get(0).get("rule").get("id").asText()).isEqualTo("Rule_VisitsControl");
            // Queued because all three curators are OFFLINE, or, once some deals wait, behind them (first in, first out).
            JsonNode queued = story.get(0);
            if (queued.get("skipped").isEmpty()) {
                assertThat(queued.get("note").asText()).isEqualTo("deals of the team are waiting already");
            } else {
                assertThat(queued.get("skipped")).extracting(skip -> skip.get("reason").asText())
                        .containsOnly("OFFLINE").hasSize(3);
            }
            assertThat(story.get(1).get("strategy").asText()).isEqualTo("ROUND_ROBIN");
            assertThat(story.get(1).get("manager").get("id").asLong()).isEqualTo(curators.get(i % 2));
            assertThat(story.get(1).get("skipped")).extracting(skip -> skip.get("manager").get("id").asLong() + ":"
                    + skip.get("reason").asText()).containsExactly(curators.get(2) + ":OFFLINE");
        }
    }

    @Test
    @Order(2)
    void aDealWhoseStageMovesItIntoTheCuratorsRuleGoesToACuratorOnShift() {
        Api api = new Api(port);
        long deal = sandbox.leads().stream().filter(l -> l.pipelineId() == SALES && l.statusId() == SALES_OPEN)
                .reduce((first, second) -> second).orElseThrow().id();
        long administrator = sandbox.lead(deal).responsibleId();
        sandbox.moveLead(deal, VISITS, VISITS_OPEN);
        assertThat(webhook(api, statusChangedEvent(deal, SALES, SALES_OPEN, VISITS, VISITS_OPEN,
                administrator, 1764672050)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> curators.subList(0, 2)
                .contains(sandbox.lead(deal).responsibleId()));
        JsonNode story = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
        JsonNode rerouted = story.get(story.size() - 1);
        assertThat(rerouted.get("kind").asText()).isEqualTo("ASSIGNED");
        assertThat(rerouted.get("rule").get("id").asText()).isEqualTo("Rule_VisitsControl");
        assertThat(rerouted.get("from").get("id").asLong()).isEqualTo(administrator);
        assertThat(rerouted.get("note").asText()).isEqualTo("its stage moved it to this team");

        // A stage change within the team's own pipeline leaves the deal where it is, and the log says why.
        long curator = sandbox.lead(deal).responsibleId();
        afterShiftRelaysOwnWrite();
        sandbox.moveLeadToStatus(deal, VISITS_OPEN + 1);
        assertThat(webhook(api, statusChangedEvent(deal, VISITS, VISITS_OPEN, VISITS, VISITS_OPEN + 1,
                curator, 1764672060)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/assignments?dealId=" + deal, "admin",
                "admin").body().size() == story.size() + 1);
        JsonNode stayed = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body().get(story.size());
        assertThat(stayed.get("kind").asText()).isEqualTo("LEFT_ALONE");
        assertThat(stayed.get("note").asText()).contains("its stage changed within the team that handles it");
        assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(curator);
    }

    @Test
    @Order(3)
    void shiftRelaysOwnWriteComingBackIsNothingAndAPersonsReassignmentIsLogged() {
        Api api = new Api(port);
        long deal = sandbox.leads().stream().filter(l -> l.pipelineId() == SALES).findFirst().orElseThrow().id();
        long holder = sandbox.lead(deal).responsibleId();
        int before = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body().size();

        // amoCRM reports ShiftRelay's own assignment back: nothing happens.
        java.util.Date echoed = new java.util.Date();
        assertThat(webhook(api, responsibleChangedEvent(deal, incoming, holder, 0, 1764672100))
                .status()).isEqualTo(200);
        // (The echo is looked at before the person acts: a CRM whose event names only the deal reads it back, and would
        // otherwise read the person's change already.)
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(deal)).startedAfter(echoed).unfinished().count() == 0);
        // A person gives the deal to a colleague by hand: it is logged, and nothing is moved back.
        long colleague = administrators.stream().filter(id -> id != holder).findFirst().orElseThrow();
        sandbox.reassignByHand(deal, colleague);
        assertThat(webhook(api, responsibleChangedEvent(deal, holder, colleague, holder, 1764672200))
                .status()).isEqualTo(200);

        // (A CRM whose event names only the deal has it read back first, a step of the engine's.)
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/assignments?dealId=" + deal, "admin", "admin")
                .body().size() > before);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> api.get(
                "/api/assignments?dealId=" + deal, "admin", "admin").body().size() == before + 1);
        JsonNode story = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
        assertThat(story).hasSize(before + 1);
        assertThat(story.get(before).get("kind").asText()).isEqualTo("REASSIGNED_IN_CRM");
        assertThat(story.get(before).get("manager").get("id").asLong()).isEqualTo(colleague);
        assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(colleague);
    }

    @Test
    @Order(4)
    void aRuleAProcessOwnerDeploysFromModelerDecidesTheVeryNextDeal() throws IOException {
        Api api = new Api(port);
        String shipped = shippedTable();
        // The process owner's change: the administrators' everyday deals go to the curators from now on.
        String changed = shipped.replaceFirst("(<rule id=\"Rule_SalesTreatment\">(?s:.*?)<outputEntry id=\"OutputEntry_"
                + "SalesTreatment_Team\">\\s*<text>)1(</text>)", "$1" + CURATORS + "$2");
        assertThat(changed).isNotEqualTo(shipped);

        assertThat(deploy("boris" + "route", changed).statusCode()).as("a manager may not deploy").isEqualTo(403);
        HttpResponse<String> deployed = deploy("olga", changed);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        long deal = sandbox.createLead("Заявка после правки правил", incoming, SALES, SALES_OPEN, false);
        assertThat(webhook(api, addedEvent(deal, "Заявка после правки правил", SALES, SALES_OPEN, 5_000,
                incoming)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> curators.subList(0, 2)
                .contains(sandbox.lead(deal).responsibleId()));
        JsonNode story = api.get("/api/assignments?dealId=" + deal, "admin", "admin").body();
        assertThat(story.get(0).get("team").get("id").asLong()).isEqualTo(CURATORS);
        assertThat(story.get(0).get("rule").get("version").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aRuleNamingATeamThatDoesNotExistIsAnIncidentNamingTheRuleAndTheDeal() throws IOException {
        Api api = new Api(port);
        String broken = shippedTable().replaceFirst("(<rule id=\"Rule_SalesTreatment\">(?s:.*?)<outputEntry id=\"OutputEntry_"
                + "SalesTreatment_Team\">\\s*<text>)1(</text>)", "$1" + 999 + "$2");
        assertThat(deploy("olga", broken).statusCode()).isEqualTo(200);

        long deal = sandbox.createLead("Заявка в никуда", incoming, SALES, SALES_OPEN, false);
        assertThat(webhook(api, addedEvent(deal, "Заявка в никуда", SALES, SALES_OPEN, 1_000, incoming))
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery()
                .activityId("Task_RouteDeal").count() > 0);
        Incident incident = runtime.createIncidentQuery().activityId("Task_RouteDeal").singleResult();
        assertThat(incident.getIncidentMessage()).contains("Rule_SalesTreatment").contains("deal " + deal)
                .contains("team 999 does not exist");
        assertThat(sandbox.lead(deal).responsibleId()).as("nothing moved").isEqualTo(incoming);
        assertThat(api.get("/api/assignments?dealId=" + deal, "admin", "admin").body()).isEmpty();
    }

    /** What the demo's watcher sees in a real browser: the queue in its order, and a deal's story on a click. */
    private void theSandboxPageShowsTheQueueAndADealsStory(List<Long> queued, long assignedDeal) {
        Browser browser = Browser.start(port);
        try {
            Page page = browser.newPage("ru-RU");
            page.navigate("/sandbox");
            page.waitForURL("**/sandbox/login.html");
            Browser.signInOnOurForm(page, "admin", "admin");
            Locator rows = page.locator("[data-testid=queue] tr[data-deal-id]");
            PlaywrightAssertions.assertThat(rows).hasCount(queued.size());
            PlaywrightAssertions.assertThat(rows.first()).hasAttribute("data-deal-id", String.valueOf(queued.get(0)));
            PlaywrightAssertions.assertThat(rows.first()).containsText("Кураторы");

            page.locator(".deal .name[data-deal-id='" + assignedDeal + "']").click();
            Locator story = page.locator("[data-testid=story]");
            PlaywrightAssertions.assertThat(story.locator("li[data-kind=ASSIGNED]")).containsText("назначена");
            PlaywrightAssertions.assertThat(story).containsText("Rule_SalesTreatment");
            PlaywrightAssertions.assertThat(story).containsText("LEAST_LOADED");
        } finally {
            browser.close("sandboxPageOfDealRoutingIT");
        }
    }

    private HttpResponse<String> deploy(String login, String dmn) {
        return ModelerDeploy.deploy(port, login, PASSWORD, "DealRouting.dmn", dmn);
    }

    private String shippedTable() {
        return ModelerDeploy.shippedRoutingTable();
    }

    private void syncDirectory(Api api) {
        assertThat(api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin")
                .status()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/managers/" + incoming, "annaroute", PASSWORD)
                .status() == 200);
    }

    // ---- how the CRM reports deals: amoCRM's lead webhooks here; DealRoutingOnBitrix24IT sends Bitrix24's events

    /** A new deal, as the CRM's webhook reports it. */
    String addedEvent(long deal, String name, long pipeline, long stage, long price, long responsible) {
        return AmoCrmWebhookBodies.added(deal, name, pipeline, stage, price, responsible);
    }

    /** The deal moved from one stage (and pipeline) to another at {@code at} (epoch seconds). */
    String statusChangedEvent(long deal, long fromPipeline, long fromStage, long toPipeline, long toStage,
                              long responsible, long at) {
        return AmoCrmWebhookBodies.statusChanged(deal, fromPipeline, fromStage, toPipeline, toStage, responsible, at);
    }

    /** The deal went from one responsible to another, changed by {@code by} (0: through the API). */
    String responsibleChangedEvent(long deal, long from, long to, long by, long at) {
        return AmoCrmWebhookBodies.responsibleChanged(deal, from, to, by, at);
    }

    /** Where the CRM's webhooks go. */
    String webhookPath() {
        return WEBHOOK;
    }

    /**
     * Before a person's next change of a deal ShiftRelay has just written: nothing on amoCRM, whose events say what
     * changed; a CRM whose update events name only the deal takes an update right after ShiftRelay's own write for
     * its echo.
     */
    void afterShiftRelaysOwnWrite() {
    }

    private Api.Response webhook(Api api, String body) {
        return api.request("POST", webhookPath()).form(body).send();
    }

    private static JsonNode queue(Api api) {
        return api.get("/api/queue?teamId=" + CURATORS, "admin", "admin").body();
    }
}

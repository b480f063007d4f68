package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The product's promise end to end, through HTTP and the sandbox CRM: a manager who stops working is
 * asked in Tasklist, does not answer, and their deals go to the colleagues on shift; when they confirm,
 * the deals come back.
 */
@ShiftRelayIntegrationTest
class ShiftHandoverIT {

    private static final String PASSWORD = "demo";
    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;

    @Autowired
    SandboxCrm sandbox;

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private final ScheduledExecutorService colleaguesAtWork = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean annaIsBack;

    @AfterEach
    void stopWorking() {
        colleaguesAtWork.shutdownNow();
    }

    @Test
    void anUnansweredPresenceCheckHandsTheDealsOverAndConfirmingBringsThemBack() {
        Api api = new Api(port);
        long team = sandbox.createTeam("Смена E2E");
        long anna = sandbox.createUser("Анна Тестова", "annae2e@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Тестов", "borise2e@demo.shiftrelay.local", team);
        long vera = sandbox.createUser("Вера Тестова", "verae2e@demo.shiftrelay.local", team);
        List<Long> annasDeals = new ArrayList<>();
        List<Long> pinned = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            boolean pin = i == 7 || i == 21;
            long deal = sandbox.createLead("Сделка " + i, anna, PIPELINE, OPEN_STATUS, pin);
            (pin ? pinned : annasDeals).add(deal);
        }

        // The admin asks for a directory sync (as the timer would): the three become Tasklist users.
        assertThat(api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin")
                .status()).isIn(200, 204);
        // Done when the sync has committed: the three sign in with their own logins.
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("annae2e", "borise2e", "verae2e").stream()
                .allMatch(login -> api.get("/api/managers/" + vera, login, PASSWORD).status() == 200));

        // Boris starts his shift the Tasklist way, with the "Начать смену" start form; the others by REST.
        assertThat(api.get("/engine-rest/process-definition/key/StartShift/deployed-start-form", "borise2e", PASSWORD)
                .status()).isEqualTo(200);
        assertThat(api.post("/engine-rest/process-definition/key/StartShift/submit-form", "{\"variables\":{}}",
                "borise2e", PASSWORD).status()).isEqualTo(200);
        for (var entry : Map.of(anna, "annae2e", vera, "verae2e").entrySet()) {
            assertThat(api.post("/api/managers/" + entry.getKey() + "/online", null, entry.getValue(), PASSWORD).status())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, anna).equals("ONLINE")
                && state(api, boris).equals("ONLINE") && state(api, vera).equals("ONLINE"));

        // Boris and Vera keep working in the CRM; Anna does nothing.
        colleaguesAtWork.scheduleAtFixedRate(() -> {
            sandbox.recordActivity(boris, "outgoing_call", null);
            api.post("/api/managers/" + vera + "/activity", null, "verae2e", PASSWORD);
            if (annaIsBack) {
                sandbox.recordActivity(anna, "task_completed", null);
            }
        }, 0, 1, TimeUnit.SECONDS);

        // Anna is asked in Tasklist, and only Anna sees the task.
        await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(api, "annae2e").size() == 1);
        JsonNode task = tasksOf(api, "annae2e").get(0);
        assertThat(task.get("name").asText()).isEqualTo("Подтвердите, что вы на работе");
        var form = api.get("/engine-rest/task/" + task.get("id").asText() + "/deployed-form", "annae2e", PASSWORD);
        assertThat(form.status()).as("Tasklist can render the Camunda Form").isEqualTo(200);
        assertThat(form.body().get("id").asText()).isEqualTo("ConfirmPresenceForm");
        assertThat(tasksOf(api, "borise2e")).isEmpty();
        assertThat(state(api, anna)).isEqualTo("CONFIRMING");

        // She does not answer: her open, unpinned deals are split between Boris and Vera.
        awaitOrDiagnose(Duration.ofSeconds(40), () -> sandbox.openLeadIdsByResponsible()
                .getOrDefault(anna, List.of()).size() == 2, api, anna, boris, vera);
        Map<Long, List<Long>> held = sandbox.openLeadIdsByResponsible();
        assertThat(held.get(anna)).containsExactlyInAnyOrderElementsOf(pinned);
        assertThat(held.get(boris).size() + held.get(vera).size()).isEqualTo(28);
        assertThat(Math.abs(held.get(boris).size() - held.get(vera).size())).isLessThanOrEqualTo(1);
        assertThat(state(api, anna)).isEqualTo("OFFLINE");
        assertThat(tasksOf(api, "annae2e")).isEmpty();

        // She is back and confirms: the 28 deals come back to her. A return that outlasts the first inactivity check
        // gives way to it; the tests' 6 seconds are shorter than a return takes on a busy 2-core machine.
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1M\"}", "admin", "admin")
                .status()).isEqualTo(200);
        annaIsBack = true;
        assertThat(api.post("/api/managers/" + anna + "/online", null, "annae2e", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.openLeadIdsByResponsible()
                .getOrDefault(anna, List.of()).size() == 30);
        assertThat(sandbox.openLeadIdsByResponsible().get(anna)).containsAll(annasDeals).containsAll(pinned);
        assertThat(sandbox.openLeadIdsByResponsible().getOrDefault(boris, List.of())).isEmpty();

        // The ledger tells the story: one hand-over of 28 moves and one return of 28.
        JsonNode runs = api.get("/api/handovers?managerId=" + anna, "admin", "admin").body();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("kind").asText()).isEqualTo("RETURN");
        assertThat(runs.get(0).get("moves")).hasSize(28);
        assertThat(runs.get(1).get("kind").asText()).isEqualTo("HANDOVER");
        assertThat(runs.get(1).get("moves")).hasSize(28);
        assertThat(runs.get(1).get("moves")).allSatisfy(move -> assertThat(move.get("ownerId").asLong()).isEqualTo(anna));
    }

    @Test
    void withNobodyOnShiftTheDealsWaitAndGoToTheFirstColleagueWhoComesOnline() {
        Api api = new Api(port);
        long team = sandbox.createTeam("Вечерняя смена E2E");
        long lena = sandbox.createUser("Лена Ждущая", "lenawait@demo.shiftrelay.local", team);
        long mark = sandbox.createUser("Марк Поздний", "markwait@demo.shiftrelay.local", team);
        for (int i = 1; i <= 3; i++) {
            sandbox.createLead("Ожидающая сделка " + i, lena, PIPELINE, OPEN_STATUS, false);
        }
        api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin");
        // Done when the sync has committed: both sign in with their own logins.
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("lenawait", "markwait").stream()
                .allMatch(login -> api.get("/api/managers/" + mark, login, PASSWORD).status() == 200));
        assertThat(api.post("/api/managers/" + lena + "/online", null, "lenawait", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, lena).equals("ONLINE"));

        // Lena leaves; Mark has not started yet: her deals stay with her and are listed as waiting.
        // (409 means "between two steps, try again": a client retries.)
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.post("/api/managers/" + lena + "/offline", null, "lenawait", PASSWORD).status() == 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingDealsOf(api, lena).size() == 3);
        assertThat(sandbox.openLeadIdsByResponsible().get(lena)).hasSize(3);

        // Mark starts his shift and works: the waiting deals go to him.
        api.post("/api/managers/" + mark + "/online", null, "markwait", PASSWORD);
        colleaguesAtWork.scheduleAtFixedRate(() -> api.post("/api/managers/" + mark + "/activity", null, "markwait",
                PASSWORD), 0, 1, TimeUnit.SECONDS);
        awaitOrDiagnose(Duration.ofSeconds(40), () -> sandbox.openLeadIdsByResponsible()
                .getOrDefault(mark, List.of()).size() == 3, api, lena, mark);
        assertThat(sandbox.openLeadIdsByResponsible().getOrDefault(lena, List.of())).isEmpty();
        assertThat(waitingDealsOf(api, lena)).isEmpty();
    }

    /** Waits; when the wait fails, prints where each manager's processes stand, for whoever reads the log. */
    private void awaitOrDiagnose(Duration limit, java.util.concurrent.Callable<Boolean> condition, Api api, long... ids) {
        try {
            await().atMost(limit).until(condition);
        } catch (RuntimeException e) {
            for (long id : ids) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).list().forEach(pi ->
                        System.err.println("DIAG " + id + " " + pi.getProcessDefinitionId() + " at "
                                + runtime.getActiveActivityIds(pi.getId()) + " vars " + runtime.getVariables(pi.getId())));
                System.err.println("DIAG manager " + api.get("/api/managers/" + id, "admin", "admin").text());
            }
            System.err.println("DIAG jobs " + management.createJobQuery().list().stream()
                    .map(j -> j.getProcessDefinitionKey() + ":" + j.getDuedate() + ":" + j.getRetries() + ":"
                            + j.getExceptionMessage()).toList());
            throw e;
        }
    }

    private static List<JsonNode> waitingDealsOf(Api api, long managerId) {
        List<JsonNode> deals = new ArrayList<>();
        api.get("/api/handovers/waiting", "admin", "admin").body().forEach(deal -> {
            if (deal.get("managerId").asLong() == managerId) {
                deals.add(deal);
            }
        });
        return deals;
    }

    private static String state(Api api, long managerId) {
        return api.get("/api/managers/" + managerId, "admin", "admin").body().get("state").asText();
    }

    private static List<JsonNode> tasksOf(Api api, String login) {
        List<JsonNode> tasks = new ArrayList<>();
        api.get("/engine-rest/task", login, PASSWORD).body().forEach(tasks::add);
        return tasks;
    }
}

package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ShiftRelay's own REST API: the answers an integrator gets, good input and bad. */
@ShiftRelayIntegrationTest
class PresenceApiIT {

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    Teams teams;

    @Autowired
    TaskService tasks;

    @LocalServerPort
    int port;

    @Test
    void anUnknownManagerIsA404ProblemNamingIt() {
        var response = new Api(port).post("/api/managers/999999/online", null, "admin", "admin");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).contains("999999");
    }

    @Test
    void aMalformedBodyIsA400NamingTheFieldAndChangesNothing() {
        long id = oneManager("Тимур Пятый", "timurapi");
        Instant before = managers.findById(id).orElseThrow().getLastActivityAt();
        Api api = new Api(port);

        var badTime = api.post("/api/managers/" + id + "/activity", "{\"at\":\"yesterday\"}", "admin", "admin");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.contentType()).startsWith("application/problem+json");
        assertThat(badTime.body().get("field").asText()).isEqualTo("at");

        var future = api.post("/api/managers/" + id + "/activity", "{\"at\":\"2999-01-01T00:00:00Z\"}", "admin", "admin");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("field").asText()).isEqualTo("at");

        var notJson = api.post("/api/managers/" + id + "/activity", "{at:", "admin", "admin");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(managers.findById(id).orElseThrow().getLastActivityAt()).isEqualTo(before);

        var badId = api.post("/api/managers/abc/online", null, "admin", "admin");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("field").asText()).isEqualTo("id");
    }

    @Test
    void goingOnlineTwiceIsHarmless() {
        long id = oneManager("Ульяна Шестая", "ulyanaapi");
        Api api = new Api(port);

        assertThat(api.post("/api/managers/" + id + "/online", null, "ulyanaapi", "demo").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> managers.findById(id).orElseThrow().getState() == PresenceState.ONLINE);
        var again = api.post("/api/managers/" + id + "/online", null, "ulyanaapi", "demo");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("state").asText()).isEqualTo("ONLINE");
    }

    @Test
    void managersWhoConfirmTheMomentTheyAreKnownAllComeOnline() {
        long team = sandbox.createTeam("Команда гонки");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(sandbox.createUser("Гонщик " + i, "racer" + i + "@demo.shiftrelay.local", team));
        }
        directory.sync();
        Api api = new Api(port);

        // Their presence processes are starting up right now: each confirmation races the first step.
        ids.forEach(id -> assertThat(api.post("/api/managers/" + id + "/online", null, "admin", "admin").status())
                .isEqualTo(202));

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> managers.findById(id).orElseThrow().getState() == PresenceState.ONLINE));
    }

    @Test
    void completingAnyTasklistTaskIsActivity() {
        long id = oneManager("Цецилия Девятая", "tsetsiliyaapi");
        Task task = tasks.newTask();
        task.setName("Перезвонить пациенту");
        task.setAssignee("tsetsiliyaapi");
        tasks.saveTask(task);
        Api api = new Api(port);

        var completed = api.post("/engine-rest/task/" + task.getId() + "/complete", "{}", "tsetsiliyaapi", "demo");
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);

        assertThat(managers.findById(id).orElseThrow().getLastActivityAt()).isNotNull();
        // She was OFFLINE: working in Tasklist brings up the question whether she is back.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/engine-rest/task", "tsetsiliyaapi", "demo").body()
                .size() == 1);
    }

    @Test
    void requestsWithoutCredentialsAreRefused() {
        var response = new Api(port).get("/api/managers", null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void teamSettingsAreValidatedAndApplied() {
        long id = oneManager("Фёдор Седьмой", "fedorapi");
        long team = managers.findById(id).orElseThrow().getTeamId();
        Api api = new Api(port);

        var tooShort = api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1S\"}", "admin", "admin");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().get("field").asText()).isEqualTo("inactivityInterval");
        var garbage = api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"soon\"}", "admin", "admin");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(teams.findById(team).orElseThrow().getInactivityIntervalSeconds()).isNull();

        var ok = api.put("/api/teams/" + team + "/settings",
                "{\"inactivityInterval\":\"PT1H\",\"handoverEnabled\":false}", "admin", "admin");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("handoverEnabled").asBoolean()).isFalse();
        assertThat(teams.findById(team).orElseThrow().getInactivityIntervalSeconds()).isEqualTo(3600);
        assertThat(api.put("/api/teams/424242/settings", "{}", "admin", "admin").status()).isEqualTo(404);
    }

    @Test
    void distributionSettingsAreValidatedNamingTheFieldAndABadOneChangesNothing() {
        long first = oneManager("Ульяна Восьмая", "ulyanadist");
        long team = managers.findById(first).orElseThrow().getTeamId();
        long second = sandbox.createUser("Юрий Восьмой", "yuridist@demo.shiftrelay.local", team);
        long stranger = oneManager("Яков Чужой", "yakovdist");
        directory.sync();
        Api api = new Api(port);

        for (var bad : List.of(
                List.of("{\"maxOpenDeals\":-1}", "maxOpenDeals", "400"),
                List.of("{\"maxOpenDeals\":\"many\"}", "maxOpenDeals", "400"),
                List.of("{\"defaultStrategy\":\"FAIREST\"}", "defaultStrategy", "400"),
                List.of("{\"drainDelay\":\"later\"}", "drainDelay", "400"),
                List.of("{\"queueWaitLimit\":\"PT1S\"}", "queueWaitLimit", "400"),
                List.of("{\"supervisorGroup\":\"head nurses\"}", "supervisorGroup", "400"),
                List.of("{\"members\":[{\"managerId\":" + first + ",\"weight\":0},{\"managerId\":" + second
                        + ",\"weight\":0}]}", "members", "400"),
                List.of("{\"members\":[{\"managerId\":" + first + ",\"weight\":-3}]}", "members[0].weight", "400"),
                List.of("{\"members\":[{\"managerId\":" + stranger + ",\"weight\":2}]}", "members[0].managerId", "400"),
                List.of("{\"maxOpenDeals\":5,\"members\":[{\"managerId\":424242,\"weight\":2}]}",
                        "members[0].managerId", "404"))) {
            var answer = api.put("/api/teams/" + team + "/settings", bad.get(0), "admin", "admin");
            assertThat(answer.status()).as(bad.get(0)).isEqualTo(Integer.parseInt(bad.get(2)));
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("field").asText()).as(bad.get(0)).isEqualTo(bad.get(1));
        }
        JsonNode unchanged = teamView(api, team);
        assertThat(unchanged.get("maxOpenDeals").isNull()).as("the cap of a refused request is not kept").isTrue();

        var ok = api.put("/api/teams/" + team + "/settings", "{\"maxOpenDeals\":25,\"defaultStrategy\":\"round_robin\","
                + "\"drainDelay\":\"PT15M\",\"members\":[{\"managerId\":" + first + ",\"weight\":50,"
                + "\"maxOpenDeals\":10},{\"managerId\":" + second + ",\"weight\":30}]}", "admin", "admin");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("maxOpenDeals").asInt()).isEqualTo(25);
        assertThat(ok.body().get("defaultStrategy").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(ok.body().get("drainDelay").asText()).isEqualTo("PT15M");
        assertThat(ok.body().get("queueWaitLimit").asText()).isEqualTo("PT15M");
        assertThat(ok.body().get("members")).extracting(m -> m.get("managerId").asLong() + ":" + m.get("weight").asInt()
                + ":" + m.get("maxOpenDeals").asText()).containsExactly(first + ":50:10", second + ":30:null");

        var uncapped = api.put("/api/teams/" + team + "/settings", "{\"maxOpenDeals\":\"none\"}", "admin", "admin");
        assertThat(uncapped.body().get("maxOpenDeals").isNull()).isTrue();
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"maxOpenDeals\":3}", "ulyanadist", "demo").status())
                .as("administrators only").isEqualTo(403);
    }

    private static JsonNode teamView(Api api, long team) {
        for (JsonNode view : api.get("/api/teams", "admin", "admin").body()) {
            if (view.get("id").asLong() == team) {
                return view;
            }
        }
        throw new AssertionError("No team " + team + " in /api/teams");
    }

    @Test
    void activityInTheCrmReachesThePresenceRecord() {
        long id = oneManager("Хельга Восьмая", "helgaapi");
        sandbox.recordActivity(id, "incoming_call", null);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> managers.findById(id).orElseThrow().getLastActivityAt() != null);

        // An OFFLINE manager who shows activity is asked to confirm the return in Tasklist.
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/engine-rest/task", "helgaapi", "demo").body().size() == 1);
        assertThat(api.get("/engine-rest/task", "helgaapi", "demo").body().get(0).get("name").asText())
                .startsWith("Вы снова на работе");
    }

    private long oneManager(String name, String login) {
        long team = sandbox.createTeam("Команда " + login);
        long id = sandbox.createUser(name, login + "@demo.shiftrelay.local", team);
        directory.sync();
        return id;
    }
}

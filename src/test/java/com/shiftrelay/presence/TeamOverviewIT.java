package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.support.StartupSync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator's overview of who is at work in each team: what it says, and to whom. */
@ShiftRelayIntegrationTest
class TeamOverviewIT {

    private static final String PASSWORD = "demo";

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    HistoryService history;

    @LocalServerPort
    int port;

    @BeforeEach
    void afterTheStartupSync() {
        StartupSync.awaitEnd(history);
    }

    @Test
    void eachTeamListsItsManagersWithTheirStateSinceWhenAndTheCountsPerState() {
        long team = sandbox.createTeam("Обзорная смена");
        long alla = sandbox.createUser("Алла Работающая", "allaoverview@demo.shiftrelay.local", team);
        long bogdan = sandbox.createUser("Богдан Отсутствующий", "bogdanoverview@demo.shiftrelay.local", team);
        long vlas = sandbox.createUser("Влас Уволенный", "vlasoverview@demo.shiftrelay.local", team);
        sandbox.setUserActive(vlas, false);
        directory.sync();
        Api api = new Api(port);
        assertThat(api.post("/api/managers/" + alla + "/online", null, "allaoverview", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> managers.findById(alla).orElseThrow().getState() == PresenceState.ONLINE);

        var response = api.get("/api/teams/overview", "admin", "admin");

        assertThat(response.status()).isEqualTo(200);
        JsonNode shift = teamNamed(response.body(), "Обзорная смена");
        assertThat(shift.get("id").asLong()).isEqualTo(team);
        assertThat(shift.get("counts").get("ONLINE").asInt()).isEqualTo(1);
        assertThat(shift.get("counts").get("CONFIRMING").asInt()).isZero();
        assertThat(shift.get("counts").get("OFFLINE").asInt()).isEqualTo(1);
        List<JsonNode> members = new ArrayList<>();
        shift.get("managers").forEach(members::add);
        assertThat(members).extracting(m -> m.get("id").asLong()).as("by name, the deactivated one left out")
                .containsExactly(alla, bogdan);
        JsonNode first = members.get(0);
        assertThat(first.get("name").asText()).isEqualTo("Алла Работающая");
        assertThat(first.get("login").asText()).isEqualTo("allaoverview");
        assertThat(first.get("state").asText()).isEqualTo("ONLINE");
        assertThat(Instant.parse(first.get("since").asText()))
                .isEqualTo(managers.findById(alla).orElseThrow().getStateChangedAt());
        assertThat(members.get(1).get("state").asText()).isEqualTo("OFFLINE");
    }

    @Test
    void theOverviewIsForAdministratorsOnly() {
        long team = sandbox.createTeam("Команда без обзора");
        sandbox.createUser("Гордей Любопытный", "gordeyoverview@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        var asManager = api.get("/api/teams/overview", "gordeyoverview", PASSWORD);
        assertThat(asManager.status()).isEqualTo(403);
        assertThat(asManager.contentType()).startsWith("application/problem+json");
        var anonymous = api.get("/api/teams/overview", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode teamNamed(JsonNode teams, String name) {
        return StreamSupport.stream(teams.spliterator(), false)
                .filter(team -> name.equals(team.get("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no team " + name + " in " + teams));
    }
}

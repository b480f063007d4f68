package com.shiftrelay.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.support.StartupSync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ledger as the administrator's overview shows it: the runs going on and the latest ones, and each run's
 * moves with the names of the people involved; what a manager and a stranger may read of it.
 */
@ShiftRelayIntegrationTest
class LedgerOverviewIT {

    private static final String PASSWORD = "demo";
    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    Handovers handovers;

    @Autowired
    HistoryService history;

    @LocalServerPort
    int port;

    @BeforeEach
    void afterTheStartupSync() {
        StartupSync.awaitEnd(history);
    }

    @Test
    void aFinishedHandOverIsListedWithItsCountsAndItsMovesNameThePeople() {
        long team = sandbox.createTeam("Смена журнала");
        long lidia = sandbox.createUser("Лидия Уходящая", "lidiaoverview@demo.shiftrelay.local", team);
        long maksim = sandbox.createUser("Максим Остающийся", "maksimoverview@demo.shiftrelay.local", team);
        directory.sync();
        List<Long> deals = List.of(
                sandbox.createLead("Сделка Лидии 1", lidia, PIPELINE, OPEN_STATUS, false),
                sandbox.createLead("Сделка Лидии 2", lidia, PIPELINE, OPEN_STATUS, false),
                sandbox.createLead("Сделка Лидии 3", lidia, PIPELINE, OPEN_STATUS, false));
        Api api = new Api(port);
        online(api, maksim, "maksimoverview");
        online(api, lidia, "lidiaoverview");
        signOff(api, lidia, "lidiaoverview");
        await().atMost(Duration.ofSeconds(40)).until(() -> handovers.findByManagerIdOrderByCreatedAtDesc(lidia).stream()
                .anyMatch(run -> run.getStatus() == Handover.Status.DONE));
        String runId = handovers.findByManagerIdOrderByCreatedAtDesc(lidia).get(0).getId();

        var recent = api.get("/api/handovers/recent?limit=50", "admin", "admin");
        assertThat(recent.status()).isEqualTo(200);
        assertNewestFirst(recent.body());
        JsonNode run = runWithId(recent.body(), runId).orElseThrow();
        assertThat(run.get("kind").asText()).isEqualTo("HANDOVER");
        assertThat(run.get("running").asBoolean()).isFalse();
        assertThat(run.get("status").asText()).isEqualTo("DONE");
        assertThat(run.get("manager").get("id").asLong()).isEqualTo(lidia);
        assertThat(run.get("manager").get("name").asText()).isEqualTo("Лидия Уходящая");
        assertThat(run.get("team").get("id").asLong()).isEqualTo(team);
        assertThat(run.get("team").get("name").asText()).isEqualTo("Смена журнала");
        assertThat(run.get("createdAt").asText()).isNotBlank();
        assertThat(run.get("completedAt").asText()).isNotBlank();
        assertThat(run.get("moveCounts").get("WRITTEN").asInt()).isEqualTo(3);
        assertThat(run.get("moveCounts").get("REJECTED").asInt()).isZero();

        var moves = api.get("/api/handovers/" + runId + "/moves", "admin", "admin");
        assertThat(moves.status()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        moves.body().forEach(rows::add);
        assertThat(rows).extracting(m -> m.get("dealId").asLong()).containsExactlyElementsOf(deals);
        assertThat(rows).allSatisfy(move -> {
            assertThat(move.get("from").get("id").asLong()).isEqualTo(lidia);
            assertThat(move.get("from").get("name").asText()).isEqualTo("Лидия Уходящая");
            assertThat(move.get("to").get("id").asLong()).isEqualTo(maksim);
            assertThat(move.get("to").get("name").asText()).isEqualTo("Максим Остающийся");
            assertThat(move.get("owner").get("id").asLong()).isEqualTo(lidia);
            assertThat(move.get("batch").asInt()).isEqualTo(1);
            assertThat(move.get("status").asText()).isEqualTo("WRITTEN");
            assertThat(Instant.parse(move.get("writtenAt").asText())).isNotNull();
        });

        // Lidia reads her own run's moves; Maksim, who only took deals, does not.
        assertThat(api.get("/api/handovers/" + runId + "/moves", "lidiaoverview", PASSWORD).status()).isEqualTo(200);
        var othersRun = api.get("/api/handovers/" + runId + "/moves", "maksimoverview", PASSWORD);
        assertThat(othersRun.status()).isEqualTo(403);
        assertThat(othersRun.contentType()).startsWith("application/problem+json");
        var anonymous = api.get("/api/handovers/" + runId + "/moves", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRunThatWaitsIsRunningAndListedWhateverTheLimit() {
        long team = sandbox.createTeam("Ночная смена журнала");
        long nikon = sandbox.createUser("Никон Одинокий", "nikonoverview@demo.shiftrelay.local", team);
        directory.sync();
        long deal = sandbox.createLead("Сделка Никона", nikon, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);
        online(api, nikon, "nikonoverview");
        signOff(api, nikon, "nikonoverview");
        await().atMost(Duration.ofSeconds(30)).until(() -> handovers.findByManagerIdOrderByCreatedAtDesc(nikon).stream()
                .anyMatch(run -> run.getStatus() == Handover.Status.WAITING));
        String runId = handovers.findByManagerIdOrderByCreatedAtDesc(nikon).get(0).getId();

        JsonNode run = runWithId(api.get("/api/handovers/recent?limit=1", "admin", "admin").body(), runId).orElseThrow();
        assertThat(run.get("running").asBoolean()).isTrue();
        assertThat(run.get("status").asText()).isEqualTo("WAITING");
        assertThat(run.get("completedAt").isNull()).isTrue();
        assertThat(run.get("moveCounts").get("WAITING").asInt()).isEqualTo(1);

        JsonNode move = api.get("/api/handovers/" + runId + "/moves", "admin", "admin").body().get(0);
        assertThat(move.get("dealId").asLong()).isEqualTo(deal);
        assertThat(move.get("to").isNull()).as("nobody to take it yet").isTrue();
        assertThat(move.get("status").asText()).isEqualTo("WAITING");
        assertThat(move.get("note").asText()).isNotBlank();
    }

    @Test
    void recentRunsAreForAdministratorsAndAnUnknownRunIsNotFound() {
        long team = sandbox.createTeam("Команда чужих журналов");
        sandbox.createUser("Олеся Любопытная", "olesyaoverview@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        var asManager = api.get("/api/handovers/recent", "olesyaoverview", PASSWORD);
        assertThat(asManager.status()).isEqualTo(403);
        assertThat(asManager.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/handovers/recent", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/handovers/recent", "admin", "admin").status()).isEqualTo(200);

        var badLimit = api.get("/api/handovers/recent?limit=0", "admin", "admin");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.contentType()).startsWith("application/problem+json");
        assertThat(badLimit.body().get("field").asText()).isEqualTo("limit");

        var unknown = api.get("/api/handovers/no-such-run/moves", "admin", "admin");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asText()).contains("no-such-run");
        // A manager learns nothing of runs that are not theirs, not even whether they exist.
        assertThat(api.get("/api/handovers/no-such-run/moves", "olesyaoverview", PASSWORD).status()).isEqualTo(403);
    }

    private void online(Api api, long id, String login) {
        assertThat(api.post("/api/managers/" + id + "/online", null, login, PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> managers.findById(id).orElseThrow().getState() == PresenceState.ONLINE);
    }

    private static void signOff(Api api, long id, String login) {
        // 409 means "between two steps, try again": a client retries.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.post("/api/managers/" + id + "/offline", null, login, PASSWORD).status() == 202);
    }

    private static Optional<JsonNode> runWithId(JsonNode runs, String id) {
        return StreamSupport.stream(runs.spliterator(), false).filter(run -> id.equals(run.get("id").asText())).findFirst();
    }

    private static void assertNewestFirst(JsonNode runs) {
        List<Instant> created = new ArrayList<>();
        runs.forEach(run -> created.add(Instant.parse(run.get("createdAt").asText())));
        assertThat(created).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
}

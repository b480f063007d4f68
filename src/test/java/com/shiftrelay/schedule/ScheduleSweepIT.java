package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic team of five on a 2/2 rotation, one sick and one swapped, end to end through HTTP and the sandbox: at the
 * team's sweep time the deals of the two OFFLINE managers go only to the colleagues who are ONLINE and on shift (not
 * to one who is ONLINE on a day off, the team allowing no overtime), and the roster tells who works when.
 */
@ShiftRelayIntegrationTest
class ScheduleSweepIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final long PIPELINE = 7009, OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Clock clock;
    @LocalServerPort int port;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void atTheSweepTimeTheOfflineManagersDealsGoOnlyToTheColleaguesOnShift() {
        Api api = new Api(port);
        LocalDate today = clock.instant().atZone(MOSCOW).toLocalDate();
        long team = sandbox.createTeam("Администраторы 2/2");
        Map<String, Long> people = new java.util.LinkedHashMap<>();
        for (String who : List.of("alla", "bella", "vlada", "galina", "dina")) {
            people.put(who, sandbox.createUser(who + " Сменная", who + "sweep@demo.shiftrelay.local", team));
        }
        long alla = people.get("alla"), bella = people.get("bella"), vlada = people.get("vlada"),
                galina = people.get("galina"), dina = people.get("dina");
        List<Long> offlineDeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            offlineDeals.add(sandbox.createLead("Сделка Беллы " + i, bella, PIPELINE, OPEN_STATUS, false));
        }
        for (int i = 0; i < 4; i++) {
            offlineDeals.add(sandbox.createLead("Сделка Дины " + i, dina, PIPELINE, OPEN_STATUS, false));
        }
        assertThat(api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin")
                .status()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/managers/" + dina, "dinasweep", "demo")
                .status() == 200);

        // Moscow time, no overtime, and nobody asked whether they are at work while the test runs.
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"timeZone\":\"Europe/Moscow\",\"overtimeAllowed\":false,"
                + "\"inactivityInterval\":\"PT1H\"}", "admin", "admin").status()).isEqualTo(200);
        // Round-the-clock shifts, two on and two off: Alla, Bella and Vlada work today, Galina and Dina from the day
        // after tomorrow. Bella is sick; Vlada swaps today with Galina.
        for (long id : List.of(alla, bella, vlada)) {
            rotation(api, id, today);
        }
        for (long id : List.of(galina, dina)) {
            rotation(api, id, today.plusDays(2));
        }
        assertThat(api.post("/api/managers/" + bella + "/exceptions", "{\"kind\":\"SICK_LEAVE\",\"from\":\"" + today
                + "\",\"to\":\"" + today.plusDays(1) + "\"}", "admin", "admin").status()).isEqualTo(201);
        assertThat(api.post("/api/managers/" + vlada + "/exceptions", "{\"kind\":\"SWAP\",\"date\":\"" + today
                + "\",\"colleagueId\":" + galina + "}", "admin", "admin").status()).isEqualTo(201);

        // The roster says so.
        JsonNode day = api.get("/api/teams/" + team + "/roster?from=" + today + "&to=" + today, "dinasweep", "demo")
                .body().get("days").get(0);
        assertThat(kinds(day, alla, "shifts")).containsExactly("PLANNED");
        assertThat(kinds(day, bella, "shifts")).isEmpty();
        assertThat(kinds(day, bella, "exceptions")).containsExactly("SICK_LEAVE");
        assertThat(kinds(day, vlada, "shifts")).isEmpty();
        assertThat(kinds(day, vlada, "exceptions")).containsExactly("SWAP");
        assertThat(kinds(day, galina, "shifts")).containsExactly("SWAPPED");
        assertThat(kinds(day, dina, "shifts")).isEmpty();

        // Alla and Galina are at work; Vlada is ONLINE too, on her day off; Bella and Dina are OFFLINE.
        for (long id : List.of(alla, galina, vlada)) {
            assertThat(api.post("/api/managers/" + id + "/online", null, "admin", "admin").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(alla, galina, vlada).stream()
                .allMatch(id -> "ONLINE".equals(api.get("/api/managers/" + id, "admin", "admin").body().get("state")
                        .asText())));

        // The sweep time: the minute after next, in Moscow. The engine's clock then moves to just before it, as the
        // day would have (less than two minutes: nothing else falls due on the way).
        LocalTime sweep = clock.instant().atZone(MOSCOW).toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"sweepTimes\":[\"" + sweep + "\"]}", "admin",
                "admin").status()).isEqualTo(200);
        Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> sweepTimer(team), j -> j != null);
        ClockUtil.offset(timer.getDuedate().getTime() - 1_000 - System.currentTimeMillis());

        await().atMost(Duration.ofSeconds(60)).until(() -> offlineDeals.stream()
                .allMatch(deal -> List.of(alla, galina).contains(sandbox.lead(deal).responsibleId())));
        assertThat(offlineDeals).noneMatch(deal -> sandbox.lead(deal).responsibleId() == vlada);
        long toAlla = offlineDeals.stream().filter(deal -> sandbox.lead(deal).responsibleId() == alla).count();
        assertThat(toAlla).as("least loaded between the two on shift").isEqualTo(5);

        // The log says why Vlada got none.
        JsonNode story = api.get("/api/assignments?dealId=" + offlineDeals.get(0), "admin", "admin").body();
        JsonNode handedOver = StreamSupport.stream(story.spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("HANDED_OVER")).findFirst().orElseThrow();
        assertThat(handedOver.get("from").get("id").asLong()).isEqualTo(bella);
        assertThat(StreamSupport.stream(handedOver.get("skipped").spliterator(), false)
                .map(s -> s.get("manager").get("id").asLong() + ":" + s.get("reason").asText()).toList())
                .contains(vlada + ":OFF_SHIFT", bella + ":LEAVING", dina + ":OFFLINE");
    }

    private Job sweepTimer(long team) {
        ProcessInstance sweeps = runtime.createProcessInstanceQuery().processDefinitionKey("TeamSweeps")
                .processInstanceBusinessKey(String.valueOf(team)).singleResult();
        return sweeps == null ? null : management.createJobQuery().timers().processInstanceId(sweeps.getId())
                .activityId("Event_SweepDue").singleResult();
    }

    private static void rotation(Api api, long managerId, LocalDate anchor) {
        assertThat(api.put("/api/managers/" + managerId + "/schedule", "{\"rotation\":{\"anchor\":\"" + anchor
                + "\",\"daysOn\":2,\"daysOff\":2,\"start\":\"00:00\",\"end\":\"00:00\",\"overnight\":true}}", "admin",
                "admin").status()).as("schedule of " + managerId).isEqualTo(200);
    }

    private static List<String> kinds(JsonNode day, long managerId, String what) {
        for (JsonNode manager : day.get("managers")) {
            if (manager.get("managerId").asLong() == managerId) {
                return StreamSupport.stream(manager.get(what).spliterator(), false).map(n -> n.get("kind").asText())
                        .toList();
            }
        }
        throw new AssertionError("Manager " + managerId + " not in the roster");
    }
}

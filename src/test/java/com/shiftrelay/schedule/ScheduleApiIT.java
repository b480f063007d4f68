package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.DirectorySynced;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules through the REST API and the roster page, as an admin and a manager use them, and the {@link Schedules}
 * bean the engine's timers and strategies ask, against the database.
 */
@ShiftRelayIntegrationTest
@Import(ScheduleApiIT.Recording.class)
class ScheduleApiIT {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String PASSWORD = "demo";
    static final String DAY_ROTATION = """
            {"rotation":{"anchor":"%s","daysOn":2,"daysOff":2,"start":"08:00","end":"20:00"}}""";

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Managers managers;
    @Autowired Teams teams;
    @Autowired Schedules schedules;
    @Autowired ManagerSchedules managerSchedules;
    @Autowired TeamSchedules teamSchedules;
    @Autowired ScheduleChanges changes;
    @Autowired Clock clock;
    @Autowired Events events;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    /** Every ScheduleChanged and TeamScheduleChanged, with whether a read-write transaction was running. */
    static class Events {
        record Seen(Object event, boolean inWritingTransaction) {
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ScheduleChanged changed) {
            record(changed);
        }

        @EventListener
        void on(TeamScheduleChanged changed) {
            record(changed);
        }

        /**
         * Counted once its transaction commits: a change that met a shift process moving on is rolled back and made
         * again (ScheduleConflictException), and only the attempt that stuck told anyone.
         */
        private void record(Object event) {
            Seen seenNow = new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                seen.add(seenNow);
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    seen.add(seenNow);
                }
            });
        }

        List<Seen> about(Object event) {
            return seen.stream().filter(seen -> seen.event().equals(event)).toList();
        }
    }

    @TestConfiguration
    static class Recording {
        @Bean
        Events events() {
            return new Events();
        }
    }

    @Test
    void aScheduleIsPutReadReplacedAndDeleted() {
        long olesya = team("Команда Олеси", "olesyasched").get(0);
        Api api = new Api(port);
        String path = scheduleOf(olesya);

        Api.Response none = api.get(path, "admin", "admin");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(schedules.onShift(olesya, clock.instant())).as("no schedule: nothing restricts her").isTrue();

        Api.Response weekly = api.put(path, """
                {"weekly":{"MONDAY":{"start":"08:00","end":"20:00"},
                           "FRIDAY":{"start":"20:00","end":"08:00","overnight":true}}}""", "admin", "admin");
        assertThat(weekly.status()).as(weekly.text()).isEqualTo(200);
        assertThat(weekly.body().at("/weekly/MONDAY/start").asText()).isEqualTo("08:00");
        assertThat(weekly.body().at("/weekly/MONDAY/overnight").asBoolean()).isFalse();
        assertThat(weekly.body().at("/weekly/FRIDAY/overnight").asBoolean()).isTrue();
        assertThat(weekly.body().has("rotation")).isFalse();
        assertThat(fieldNames(api.get(path, "olesyasched", PASSWORD).body().get("weekly")))
                .as("weekdays Monday to Sunday").containsExactly("MONDAY", "FRIDAY");
        assertThat(schedules.hasSchedule(olesya)).isTrue();
        assertThat(events.about(new ScheduleChanged(olesya))).hasSize(1)
                .allMatch(Events.Seen::inWritingTransaction);

        Api.Response rotation = api.put(path, DAY_ROTATION.formatted("2026-12-01"), "admin", "admin");
        assertThat(rotation.status()).isEqualTo(200);
        JsonNode read = api.get(path, "admin", "admin").body();
        assertThat(read.has("weekly")).isFalse();
        assertThat(read.get("rotation").toString()).isEqualTo("{\"anchor\":\"2026-12-01\",\"daysOn\":2,\"daysOff\":2,"
                + "\"start\":\"08:00\",\"end\":\"20:00\",\"overnight\":false}");
        assertThat(schedules.shiftAt(olesya, at("2026-12-02", "10:00"))).map(Shift::kind).contains(Shift.Kind.PLANNED);

        assertThat(api.request("DELETE", path).basic("admin", "admin").send().status()).isEqualTo(204);
        assertThat(api.get(path, "admin", "admin").status()).isEqualTo(404);
        assertThat(schedules.hasSchedule(olesya)).isFalse();
        assertThat(schedules.onShift(olesya, at("2026-12-03", "10:00"))).isTrue();
        assertThat(events.about(new ScheduleChanged(olesya))).hasSize(3);
        assertThat(api.put("/api/managers/424242/schedule", DAY_ROTATION.formatted("2026-12-01"), "admin", "admin")
                .status()).isEqualTo(404);
    }

    @Test
    void eachKindOfExceptionIsStoredListedAppliedAndDeleted() {
        long pavel = team("Команда Павла", "pavelsched").get(0);
        Api api = new Api(port);
        // Two on, two off from 1 December: he works on the 1st, 2nd, 5th, 6th, 9th and 10th.
        onDayRotation(api, scheduleOf(pavel), "2026-12-01");
        String path = exceptionsOf(pavel);

        Api.Response dayOff = api.post(path, "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}", "admin", "admin");
        assertThat(dayOff.status()).as(dayOff.text()).isEqualTo(201);
        long dayOffId = dayOff.body().get("id").asLong();
        assertThat(dayOff.header("Location")).contains(path + "/" + dayOffId);
        assertThat(dayOff.body().get("kind").asText()).isEqualTo("DAY_OFF");
        assertThat(dayOff.body().get("date").asText()).isEqualTo("2026-12-05");
        Api.Response sick = api.post(path, "{\"kind\":\"SICK_LEAVE\",\"from\":\"2026-12-09\",\"to\":\"2026-12-10\"}",
                "admin", "admin");
        assertThat(sick.status()).isEqualTo(201);
        assertThat(sick.body().get("from").asText() + ".." + sick.body().get("to").asText())
                .isEqualTo("2026-12-09..2026-12-10");
        assertThat(api.post(path, "{\"kind\":\"PARTIAL_SHIFT\",\"date\":\"2026-12-06\",\"start\":\"08:00\","
                + "\"end\":\"14:00\"}", "admin", "admin").status()).isEqualTo(201);
        Api.Response extra = api.post(path, "{\"kind\":\"EXTRA_SHIFT\",\"date\":\"2026-12-03\",\"start\":\"20:00\","
                + "\"end\":\"02:00\",\"overnight\":true}", "admin", "admin");
        assertThat(extra.status()).as(extra.text()).isEqualTo(201);
        assertThat(extra.body().get("start").asText() + "-" + extra.body().get("end").asText() + " "
                + extra.body().get("overnight").asBoolean()).isEqualTo("20:00-02:00 true");

        assertThat(kinds(api.get(path, "pavelsched", PASSWORD).body()))
                .containsExactly("EXTRA_SHIFT", "DAY_OFF", "PARTIAL_SHIFT", "SICK_LEAVE");
        assertThat(kinds(api.get(path + "?from=2026-12-05&to=2026-12-06", "admin", "admin").body()))
                .containsExactly("DAY_OFF", "PARTIAL_SHIFT");
        assertThat(kinds(api.get(path + "?from=2026-12-10", "admin", "admin").body())).containsExactly("SICK_LEAVE");

        assertThat(schedules.onShift(pavel, at("2026-12-05", "10:00"))).as("day off").isFalse();
        assertThat(schedules.shiftAt(pavel, at("2026-12-06", "10:00"))).map(Shift::kind).contains(Shift.Kind.PARTIAL);
        assertThat(schedules.onShift(pavel, at("2026-12-06", "15:00"))).as("after his half day").isFalse();
        assertThat(schedules.shiftAt(pavel, at("2026-12-04", "01:00"))).as("the extra night runs on")
                .map(Shift::kind).contains(Shift.Kind.EXTRA);
        assertThat(schedules.onShift(pavel, at("2026-12-09", "10:00"))).as("sick").isFalse();
        assertThat(schedules.nextStart(pavel, at("2026-12-06", "15:00"))).as("back after the sick leave")
                .map(shift -> shift.start().toLocalDateTime().toString()).contains("2026-12-13T08:00");

        assertThat(api.request("DELETE", path + "/" + dayOffId).basic("admin", "admin").send().status()).isEqualTo(204);
        assertThat(kinds(api.get(path, "admin", "admin").body())).doesNotContain("DAY_OFF");
        assertThat(schedules.onShift(pavel, at("2026-12-05", "10:00"))).isTrue();
        assertThat(api.request("DELETE", path + "/" + dayOffId).basic("admin", "admin").send().status()).isEqualTo(404);
        // Five changes and the deletion: each told the engine's side.
        assertThat(events.about(new ScheduleChanged(pavel))).hasSize(6);
    }

    @Test
    void aSwapIsStoredOnBothMirroredAppliedToBothAndDeletedTogether() {
        List<Long> ids = team("Команда обмена", "ritasched", "semyonsched", "tarassched");
        long rita = ids.get(0), semyon = ids.get(1), taras = ids.get(2);
        long stranger = team("Чужая команда", "ulyanasched").get(0);
        Api api = new Api(port);
        // Rita works the 1st, 2nd, 5th, 6th, 9th...; Semyon the 2nd, 3rd, 6th, 7th, 10th...: both are off on the 4th
        // and the 8th. Taras has no schedule; the stranger is of another team.
        for (long id : List.of(rita, stranger)) {
            onDayRotation(api, scheduleOf(id), "2026-12-01");
        }
        onDayRotation(api, scheduleOf(semyon), "2026-12-02");
        String ritas = exceptionsOf(rita);
        String semyons = exceptionsOf(semyon);
        events.seen.clear();

        Api.Response swap = api.post(ritas, "{\"kind\":\"SWAP\",\"date\":\"2026-12-01\",\"colleagueId\":"
                + semyon + "}", "admin", "admin");
        assertThat(swap.status()).as(swap.text()).isEqualTo(201);
        assertThat(swap.body().get("colleagueName").asText()).isEqualTo("Семён Обменов");
        JsonNode mirrored = api.get(semyons, "admin", "admin").body();
        assertThat(mirrored).hasSize(1);
        assertThat(mirrored.get(0).get("kind").asText()).isEqualTo("SWAP");
        assertThat(mirrored.get(0).get("date").asText()).isEqualTo("2026-12-01");
        assertThat(mirrored.get(0).get("colleagueId").asLong()).isEqualTo(rita);
        assertThat(mirrored.get(0).get("swapId").asText()).isEqualTo(swap.body().get("swapId").asText());
        assertThat(schedules.onShift(rita, at("2026-12-01", "10:00"))).as("Rita swapped her day away").isFalse();
        assertThat(schedules.shiftAt(semyon, at("2026-12-01", "10:00"))).as("Semyon works it")
                .map(Shift::kind).contains(Shift.Kind.SWAPPED);
        assertThat(events.seen).extracting(Events.Seen::event)
                .containsExactlyInAnyOrder(new ScheduleChanged(rita), new ScheduleChanged(semyon));
        assertThat(events.seen).allMatch(Events.Seen::inWritingTransaction);

        // Deleting either half deletes both.
        long semyonsHalf = mirrored.get(0).get("id").asLong();
        events.seen.clear();
        assertThat(api.request("DELETE", semyons + "/" + semyonsHalf).basic("admin", "admin").send().status())
                .isEqualTo(204);
        assertThat(api.get(ritas, "admin", "admin").body()).isEmpty();
        assertThat(api.get(semyons, "admin", "admin").body()).isEmpty();
        assertThat(schedules.onShift(rita, at("2026-12-01", "10:00"))).isTrue();
        assertThat(events.seen).extracting(Events.Seen::event)
                .containsExactlyInAnyOrder(new ScheduleChanged(rita), new ScheduleChanged(semyon));

        // Semyon is sick on the 9th and 10th and has a day off on the 6th.
        api.post(semyons, "{\"kind\":\"SICK_LEAVE\",\"from\":\"2026-12-09\",\"to\":\"2026-12-10\"}", "admin", "admin");
        api.post(semyons, "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-06\"}", "admin", "admin");
        for (List<String> refused : List.of(
                List.of(String.valueOf(stranger), "2026-12-01", "colleagueId", "not in"),
                List.of(String.valueOf(rita), "2026-12-01", "colleagueId", "themselves"),
                List.of(String.valueOf(taras), "2026-12-01", "colleagueId", "has no schedule"),
                List.of(String.valueOf(semyon), "2026-12-04", "date", "Neither manager works on 2026-12-04"),
                List.of(String.valueOf(semyon), "2026-12-09", "colleagueId", "SICK_LEAVE"),
                List.of(String.valueOf(semyon), "2026-12-06", "colleagueId", "DAY_OFF"))) {
            Api.Response answer = api.post(ritas, "{\"kind\":\"SWAP\",\"date\":\"" + refused.get(1)
                    + "\",\"colleagueId\":" + refused.get(0) + "}", "admin", "admin");
            assertBad(answer, refused.get(2));
            assertThat(answer.body().get("detail").asText()).as(refused.toString()).contains(refused.get(3));
        }
        Api.Response unknown = api.post(ritas, "{\"kind\":\"SWAP\",\"date\":\"2026-12-01\",\"colleagueId\":424242}",
                "admin", "admin");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("field").asText()).isEqualTo("colleagueId");
        assertThat(api.get(ritas, "admin", "admin").body()).isEmpty();
        assertThat(kinds(api.get(semyons, "admin", "admin").body())).containsExactly("DAY_OFF", "SICK_LEAVE");
        assertThat(api.get(exceptionsOf(stranger), "admin", "admin").body()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingItsFieldAndNothingIsStored() {
        List<Long> ids = team("Команда ошибок", "fainasched", "gerasched");
        long faina = ids.get(0), gera = ids.get(1);
        Api api = new Api(port);
        String schedule = scheduleOf(faina);
        String exceptions = exceptionsOf(faina);
        // Works the 1st, 2nd, 5th, 6th...
        onDayRotation(api, schedule, "2026-12-01");
        assertThat(api.post(exceptions, "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}", "admin", "admin").status())
                .isEqualTo(201);
        String stored = api.get(schedule, "admin", "admin").body().get("rotation").toString();
        int eventsBefore = events.about(new ScheduleChanged(faina)).size();

        for (List<String> bad : List.of(
                List.of("{\"weekly\":{\"MONDAY\":{\"start\":\"20:00\",\"end\":\"08:00\"}}}", "weekly.MONDAY.end"),
                List.of("{\"weekly\":{\"MONDAY\":{\"start\":\"8:00\",\"end\":\"20:00\"}}}", "weekly.MONDAY.start"),
                List.of("{\"weekly\":{\"FUNDAY\":{\"start\":\"08:00\",\"end\":\"20:00\"}}}", "weekly.FUNDAY"),
                List.of("{\"weekly\":{}}", "weekly"),
                List.of("{}", "weekly"),
                List.of("{\"weekly\":{\"MONDAY\":{\"start\":\"08:00\",\"end\":\"20:00\"}},"
                        + DAY_ROTATION.formatted("2026-12-01").substring(1), "rotation"),
                List.of("{\"rotation\":{\"anchor\":\"2026-12-01\",\"daysOn\":0,\"daysOff\":2,\"start\":\"08:00\","
                        + "\"end\":\"20:00\"}}", "rotation.daysOn"),
                List.of("{\"rotation\":{\"anchor\":\"2026-12-01\",\"daysOn\":2,\"daysOff\":2,\"start\":\"20:00\","
                        + "\"end\":\"08:00\",\"overnight\":false}}", "rotation.end"),
                List.of("{\"rotation\":{\"anchor\":\"soon\",\"daysOn\":2,\"daysOff\":2,\"start\":\"08:00\","
                        + "\"end\":\"20:00\"}}", "rotation.anchor"))) {
            assertBad(api.put(schedule, bad.get(0), "admin", "admin"), bad.get(1));
        }
        for (List<String> bad : List.of(
                List.of("{\"kind\":\"HOLIDAY\",\"date\":\"2026-12-02\"}", "kind"),
                List.of("{\"kind\":\"DAY_OFF\"}", "date"),
                List.of("{\"kind\":\"DAY_OFF\",\"date\":\"5.12.2026\"}", "date"),
                List.of("{\"kind\":\"SICK_LEAVE\",\"from\":\"2026-12-13\",\"to\":\"2026-12-11\"}", "to"),
                List.of("{\"kind\":\"SICK_LEAVE\",\"from\":\"2026-12-04\",\"to\":\"2026-12-06\"}", "from"),
                List.of("{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}", "date"),
                List.of("{\"kind\":\"PARTIAL_SHIFT\",\"date\":\"2026-12-03\",\"start\":\"08:00\",\"end\":\"14:00\"}",
                        "date"),
                List.of("{\"kind\":\"PARTIAL_SHIFT\",\"date\":\"2026-12-02\",\"start\":\"14:00\",\"end\":\"08:00\"}",
                        "end"),
                List.of("{\"kind\":\"EXTRA_SHIFT\",\"date\":\"2026-12-02\",\"start\":\"19:00\",\"end\":\"22:00\"}",
                        "start"),
                List.of("{\"kind\":\"EXTRA_SHIFT\",\"date\":\"2026-12-03\",\"start\":\"25:00\",\"end\":\"22:00\"}",
                        "start"))) {
            assertBad(api.post(exceptions, bad.get(0), "admin", "admin"), bad.get(1));
        }
        assertBad(api.get(exceptions + "?from=2026-12-10&to=2026-12-01", "admin", "admin"), "to");

        assertThat(api.get(schedule, "admin", "admin").body().get("rotation").toString()).isEqualTo(stored);
        assertThat(kinds(api.get(exceptions, "admin", "admin").body())).containsExactly("DAY_OFF");
        assertThat(events.about(new ScheduleChanged(faina))).hasSize(eventsBefore);

        // Without a schedule an exception would change nothing; an unknown manager is 404.
        Api.Response unscheduled = api.post(exceptionsOf(gera),
                "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}", "admin", "admin");
        assertThat(unscheduled.status()).isEqualTo(409);
        assertThat(unscheduled.contentType()).startsWith("application/problem+json");
        assertThat(api.get(exceptionsOf(gera), "admin", "admin").body()).isEmpty();
        assertThat(api.get("/api/managers/424242/schedule", "admin", "admin").status()).isEqualTo(404);
        assertThat(api.post("/api/managers/424242/exceptions", "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}",
                "admin", "admin").status()).isEqualTo(404);
    }

    @Test
    void aManagerReadsTheirOwnScheduleAnAdministratorWritesAnybodys() {
        List<Long> ids = team("Команда прав", "yanasched", "zakharsched");
        long yana = ids.get(0), zakhar = ids.get(1);
        Api api = new Api(port);
        String schedule = scheduleOf(yana);
        String exceptions = exceptionsOf(yana);
        onDayRotation(api, schedule, "2026-12-01");
        long teamId = managers.findById(yana).orElseThrow().getTeamId();

        assertThat(api.get(schedule, "yanasched", PASSWORD).status()).isEqualTo(200);
        assertThat(api.get(exceptions, "yanasched", PASSWORD).status()).isEqualTo(200);
        Api.Response ownWrite = api.put(schedule, DAY_ROTATION.formatted("2026-12-02"), "yanasched", PASSWORD);
        assertThat(ownWrite.status()).isEqualTo(403);
        assertThat(ownWrite.contentType()).startsWith("application/problem+json");
        assertThat(api.post(exceptions, "{\"kind\":\"DAY_OFF\",\"date\":\"2026-12-05\"}", "yanasched", PASSWORD)
                .status()).isEqualTo(403);
        assertThat(api.request("DELETE", schedule).basic("yanasched", PASSWORD).send().status()).isEqualTo(403);
        assertThat(api.get(schedule, "zakharsched", PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(exceptions, "zakharsched", PASSWORD).status()).isEqualTo(403);
        assertThat(api.get(schedule, "admin", "admin").body().at("/rotation/anchor").asText()).isEqualTo("2026-12-01");
        assertThat(api.get(exceptions, "admin", "admin").body()).isEmpty();
        // A team's roster is no secret within the company; without a login there is nothing.
        assertThat(api.get("/api/teams/" + teamId + "/roster", "zakharsched", PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/teams/" + teamId + "/roster", null, null).status()).isEqualTo(401);
        assertThat(api.get(scheduleOf(zakhar), "zakharsched", PASSWORD).status())
                .as("his own, which he has not").isEqualTo(404);
    }

    /**
     * A team of four on 2/2 from today: three days, one nights, each a day after the previous; the first is sick from
     * day 4 to day 6, the second swaps day 8 (his) with the third (off). Day by day in the roster, in the engine's
     * questions, and on the page.
     */
    @Test
    void theRosterOfATeamOfFourShowsWhoWorksWhenWithTheSickLeaveAndTheSwap() {
        List<Long> ids = team("Смена клиники", "annaroster", "borisroster", "veraroster", "grigoryroster");
        long teamId = managers.findById(ids.get(0)).orElseThrow().getTeamId();
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        Api api = new Api(port);
        for (int i = 0; i < 3; i++) {
            onDayRotation(api, scheduleOf(ids.get(i)), today.minusDays(i));
        }
        api.put(scheduleOf(ids.get(3)), """
                {"rotation":{"anchor":"%s","daysOn":2,"daysOff":2,"start":"20:00","end":"08:00","overnight":true}}"""
                .formatted(today.minusDays(3)), "admin", "admin");
        assertThat(api.post(exceptionsOf(ids.get(0)), "{\"kind\":\"SICK_LEAVE\",\"from\":\""
                + today.plusDays(4) + "\",\"to\":\"" + today.plusDays(6) + "\"}", "admin", "admin").status())
                .isEqualTo(201);
        assertThat(api.post(exceptionsOf(ids.get(1)), "{\"kind\":\"SWAP\",\"date\":\""
                + today.plusDays(8) + "\",\"colleagueId\":" + ids.get(2) + "}", "admin", "admin").status())
                .isEqualTo(201);

        JsonNode roster = api.get("/api/teams/" + teamId + "/roster", "borisroster", PASSWORD).body();

        assertThat(roster.get("from").asText()).isEqualTo(today.toString());
        assertThat(roster.get("to").asText()).isEqualTo(today.plusDays(13).toString());
        assertThat(roster.get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(roster.get("days")).hasSize(14);
        assertThat(roster.at("/days/0/today").asBoolean()).isTrue();
        assertThat(roster.at("/days/1/today").asBoolean()).isFalse();
        assertThat(IntStream.range(0, 4).mapToObj(i -> pattern(roster, i)).toList()).containsExactly(
                // X a planned day, N a planned night, S a swapped shift, . none
                "XX......XX..XX",
                "X..XX..X...XX.",
                "..XX..XXS.XX..",
                ".NN..NN..NN..N");
        assertThat(marks(roster, 0)).containsExactly("4 SICK_LEAVE", "5 SICK_LEAVE", "6 SICK_LEAVE");
        assertThat(marks(roster, 1)).containsExactly("8 SWAP Вера Графикова");
        assertThat(marks(roster, 2)).containsExactly("8 SWAP Борис Графиков");
        JsonNode firstShift = roster.at("/days/0/managers/0/shifts/0");
        assertThat(firstShift.get("start").asText() + "-" + firstShift.get("end").asText()).isEqualTo("08:00-20:00");
        assertThat(Instant.parse(firstShift.get("startsAt").asText())).isEqualTo(at(today, "08:00"));
        assertThat(firstShift.get("kind").asText()).isEqualTo("PLANNED");
        JsonNode night = roster.at("/days/1/managers/3/shifts/0");
        assertThat(night.get("overnight").asBoolean()).isTrue();
        assertThat(Instant.parse(night.get("endsAt").asText())).isEqualTo(at(today.plusDays(2), "08:00"));

        // The engine's questions about the night worker and the swap.
        long nights = ids.get(3);
        assertThat(schedules.zoneOf(teamId)).isEqualTo(MOSCOW);
        assertThat(schedules.shiftAt(nights, at(today.plusDays(2), "02:00"))).hasValueSatisfying(shift -> {
            assertThat(shift.date()).isEqualTo(today.plusDays(1));
            assertThat(shift.end().toInstant()).isEqualTo(at(today.plusDays(2), "08:00"));
        });
        assertThat(schedules.onShift(nights, at(today.plusDays(1), "19:59"))).isFalse();
        assertThat(schedules.onShift(nights, at(today.plusDays(1), "20:00"))).isTrue();
        assertThat(schedules.onShift(nights, at(today.plusDays(2), "08:00"))).isFalse();
        assertThat(schedules.nextStart(nights, at(today.plusDays(1), "20:00"))).map(shift -> shift.start().toInstant())
                .contains(at(today.plusDays(2), "20:00"));
        assertThat(schedules.nextStart(nights, at(today.plusDays(2), "21:00"))).map(shift -> shift.start().toInstant())
                .contains(at(today.plusDays(5), "20:00"));
        assertThat(schedules.onShift(ids.get(1), at(today.plusDays(8), "10:00"))).isFalse();
        assertThat(schedules.shiftAt(ids.get(2), at(today.plusDays(8), "10:00"))).map(Shift::kind)
                .contains(Shift.Kind.SWAPPED);

        // Other dates, and dates the roster refuses.
        JsonNode twoDays = api.get("/api/teams/" + teamId + "/roster?from=" + today.plusDays(7) + "&to="
                + today.plusDays(8), "admin", "admin").body();
        assertThat(twoDays.get("days")).extracting(day -> day.get("date").asText())
                .containsExactly(today.plusDays(7).toString(), today.plusDays(8).toString());
        assertBad(api.get("/api/teams/" + teamId + "/roster?from=2026-12-10&to=2026-12-01", "admin", "admin"), "to");
        assertBad(api.get("/api/teams/" + teamId + "/roster?from=2026-12-01&to=2027-02-01", "admin", "admin"), "to");
        assertBad(api.get("/api/teams/" + teamId + "/roster?from=soon", "admin", "admin"), "from");
        assertThat(api.get("/api/teams/424242/roster", "admin", "admin").status()).isEqualTo(404);

        thePageShowsTheRoster(teamId, ids, today);
    }

    /** What an admin sees on /roster in a real browser, after being sent to sign in. */
    private void thePageShowsTheRoster(long teamId, List<Long> ids, LocalDate today) {
        Browser browser = Browser.start(port);
        try {
            Page anonymous = browser.newPage("ru-RU");
            anonymous.navigate("/roster");
            anonymous.waitForURL("**/roster/login.html");
            PlaywrightAssertions.assertThat(anonymous.locator("body")).not().containsText("Графиков");

            Page page = browser.newPage("ru-RU");
            page.navigate("/roster");
            page.waitForURL("**/roster/login.html");
            Browser.signInOnOurForm(page, "admin", "admin");
            page.waitForURL("**/roster/index.html**");
            page.locator("#team").selectOption(String.valueOf(teamId));

            PlaywrightAssertions.assertThat(cell(page, ids.get(0), today)).hasText("08:00–20:00");
            PlaywrightAssertions.assertThat(cell(page, ids.get(3), today.plusDays(1))).hasText("20:00–08:00 ☾");
            PlaywrightAssertions.assertThat(cell(page, ids.get(0), today.plusDays(4))).hasText("больничный");
            PlaywrightAssertions.assertThat(cell(page, ids.get(0), today.plusDays(6))).hasText("больничный");
            PlaywrightAssertions.assertThat(cell(page, ids.get(0), today.plusDays(8))).hasText("08:00–20:00");
            PlaywrightAssertions.assertThat(cell(page, ids.get(1), today.plusDays(8)))
                    .hasText("обмен с Вера Графикова");
            PlaywrightAssertions.assertThat(cell(page, ids.get(2), today.plusDays(8)))
                    .hasText("08:00–20:00обмен с Борис Графиков");
            PlaywrightAssertions.assertThat(cell(page, ids.get(2), today.plusDays(9))).hasText("");
            PlaywrightAssertions.assertThat(page.locator("thead th.today")).hasAttribute("data-date", today.toString());
            PlaywrightAssertions.assertThat(cell(page, ids.get(0), today)).hasClass("today");
            PlaywrightAssertions.assertThat(page.locator("tbody tr")).hasCount(4);
        } finally {
            browser.close("rosterPageOfScheduleApiIT");
        }
        Api plain = new Api(port);
        assertThat(plain.get("/roster/index.html", null, null).status()).isEqualTo(401);
    }

    @Test
    void aTeamsZoneOvertimeSweepsAndConfirmationTimeoutAreValidatedAppliedAndAnnounced() {
        long ilya = team("Команда настроек", "ilyasched").get(0);
        long teamId = managers.findById(ilya).orElseThrow().getTeamId();
        Api api = new Api(port);
        String settings = "/api/teams/" + teamId + "/settings";
        onDayRotation(api, scheduleOf(ilya), "2026-12-01");
        JsonNode defaults = teamView(api, teamId);
        assertThat(defaults.get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(defaults.get("overtimeAllowed").asBoolean()).isTrue();
        assertThat(defaults.get("sweepTimes")).isEmpty();
        assertThat(defaults.get("confirmationTimeout").asText()).as("the configured default").isEqualTo("PT4S");

        for (List<String> bad : List.of(
                List.of("{\"timeZone\":\"Mars/Olympus\"}", "timeZone"),
                List.of("{\"sweepTimes\":[\"08:15\",\"25:00\"]}", "sweepTimes[1]"),
                List.of("{\"sweepTimes\":[\"08:15\",\"8:15\"]}", "sweepTimes[1]"),
                List.of("{\"sweepTimes\":[\"14:00\",\"14:00\"]}", "sweepTimes[1]"),
                List.of("{\"confirmationTimeout\":\"PT10S\"}", "confirmationTimeout"),
                List.of("{\"confirmationTimeout\":\"PT2H\"}", "confirmationTimeout"),
                List.of("{\"confirmationTimeout\":\"soon\"}", "confirmationTimeout"),
                List.of("{\"overtimeAllowed\":\"maybe\"}", "overtimeAllowed"),
                List.of("{\"timeZone\":\"Asia/Yekaterinburg\",\"overtimeAllowed\":false,\"sweepTimes\":[\"08:15\"],"
                        + "\"confirmationTimeout\":\"PT10S\"}", "confirmationTimeout"),
                List.of("{\"timeZone\":\"Asia/Yekaterinburg\",\"sweepTimes\":[\"08:15\"],\"drainDelay\":\"later\"}",
                        "drainDelay"))) {
            assertBad(api.put(settings, bad.get(0), "admin", "admin"), bad.get(1));
        }
        assertThat(teamView(api, teamId)).isEqualTo(defaults);
        assertThat(teamSchedules.existsById(teamId)).as("nothing stored").isFalse();
        assertThat(events.about(new TeamScheduleChanged(teamId))).isEmpty();

        Api.Response changed = api.put(settings, "{\"timeZone\":\"Asia/Yekaterinburg\",\"overtimeAllowed\":false,"
                + "\"sweepTimes\":[\"14:00\",\"08:15\"],\"confirmationTimeout\":\"PT10M\"}", "admin", "admin");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("timeZone").asText()).isEqualTo("Asia/Yekaterinburg");
        assertThat(changed.body().get("overtimeAllowed").asBoolean()).isFalse();
        assertThat(changed.body().get("sweepTimes").toString()).isEqualTo("[\"08:15\",\"14:00\"]");
        assertThat(changed.body().get("confirmationTimeout").asText()).isEqualTo("PT10M");
        assertThat(schedules.zoneOf(teamId)).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(schedules.overtimeAllowed(teamId)).isFalse();
        assertThat(schedules.sweepTimes(teamId)).containsExactly(LocalTime.of(8, 15), LocalTime.of(14, 0));
        assertThat(teams.findById(teamId).orElseThrow().confirmationTimeout(Duration.ofSeconds(60)))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(events.about(new TeamScheduleChanged(teamId))).hasSize(1)
                .allMatch(Events.Seen::inWritingTransaction);
        // Her 08:00 is Yekaterinburg's now: two hours before Moscow's.
        JsonNode roster = api.get("/api/teams/" + teamId + "/roster?from=2026-12-01&to=2026-12-01", "admin", "admin")
                .body();
        assertThat(roster.at("/days/0/managers/0/shifts/0/startsAt").asText()).isEqualTo("2026-12-01T03:00:00Z");
        assertThat(schedules.shiftAt(ilya, Instant.parse("2026-12-01T14:30:00Z"))).as("20:00 Yekaterinburg is 15:00Z")
                .isPresent();
        assertThat(schedules.onShift(ilya, Instant.parse("2026-12-01T15:00:00Z"))).isFalse();

        assertThat(api.put(settings, "{\"overtimeAllowed\":true}", "admin", "admin").status()).isEqualTo(200);
        assertThat(events.about(new TeamScheduleChanged(teamId))).as("overtime moves no timer").hasSize(1);
        assertThat(api.put(settings, "{\"sweepTimes\":[]}", "admin", "admin").body().get("sweepTimes")).isEmpty();
        assertThat(schedules.sweepTimes(teamId)).isEmpty();
        JsonNode restored = api.put(settings, "{\"timeZone\":\"default\",\"confirmationTimeout\":\"default\"}", "admin",
                "admin").body();
        assertThat(restored.get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(restored.get("confirmationTimeout").asText()).isEqualTo("PT4S");
        assertThat(events.about(new TeamScheduleChanged(teamId))).hasSize(3);
        assertThat(schedules.zoneOf(424242)).as("a team never heard of").isEqualTo(MOSCOW);
        assertThat(schedules.overtimeAllowed(424242)).isTrue();
    }

    /**
     * The demo's rota exists with the demo data only (this context has none, like every integration test's); given
     * teams, it puts each new manager on 2/2 a day after the previous, sets the sweeps, and keeps what an admin set.
     */
    @Test
    void theDemoRotaGoesToNewManagersOnlyAndNeverOverAnAdminsEdit() {
        assertThat(context.getBeanProvider(DemoSchedules.class).getIfAvailable()).isNull();
        List<Long> first = team("Демо: администраторы", "demoa0sched", "demoa1sched", "demoa2sched");
        List<Long> second = team("Демо: кураторы", "demob0sched", "demob1sched");
        long firstTeam = managers.findById(first.get(0)).orElseThrow().getTeamId();
        long secondTeam = managers.findById(second.get(0)).orElseThrow().getTeamId();
        Api api = new Api(port);
        api.put(scheduleOf(first.get(2)),
                "{\"weekly\":{\"MONDAY\":{\"start\":\"09:00\",\"end\":\"18:00\"}}}", "admin", "admin");
        api.put("/api/teams/" + secondTeam + "/settings", "{\"sweepTimes\":[\"09:00\"]}", "admin", "admin");
        var demo = new DemoSchedules(managers, managerSchedules, teamSchedules, schedules, changes, clock,
                List.of(firstTeam, secondTeam));
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        List<Long> created = new ArrayList<>(first);
        created.addAll(second);

        demo.on(new DirectorySynced(created));

        assertThat(anchor(api, first.get(0))).isEqualTo(today.toString());
        assertThat(anchor(api, first.get(1))).isEqualTo(today.minusDays(1).toString());
        assertThat(api.get(scheduleOf(first.get(2)), "admin", "admin").body().has("weekly"))
                .as("an admin's schedule stays").isTrue();
        assertThat(anchor(api, second.get(0))).isEqualTo(today.toString());
        assertThat(anchor(api, second.get(1))).isEqualTo(today.minusDays(1).toString());
        assertThat(api.get(scheduleOf(second.get(1)), "admin", "admin").body().at("/rotation")
                .toString()).contains("\"daysOn\":2,\"daysOff\":2,\"start\":\"08:00\",\"end\":\"20:00\"");
        assertThat(schedules.sweepTimes(firstTeam)).containsExactly(LocalTime.of(8, 15), LocalTime.of(14, 0));
        assertThat(schedules.sweepTimes(secondTeam)).as("an admin's sweeps stay").containsExactly(LocalTime.of(9, 0));

        // A schedule an admin deleted is not given back by the next sync, which creates nobody.
        api.request("DELETE", scheduleOf(first.get(0))).basic("admin", "admin").send();
        demo.on(new DirectorySynced(List.of()));
        assertThat(schedules.hasSchedule(first.get(0))).isFalse();
    }

    private static String scheduleOf(long managerId) {
        return "/api/managers/" + managerId + "/schedule";
    }

    private static String exceptionsOf(long managerId) {
        return "/api/managers/" + managerId + "/exceptions";
    }

    /** An administrator puts the manager of {@code schedule} on 08:00-20:00, two days on, two off, from the anchor. */
    private static void onDayRotation(Api api, String schedule, Object anchor) {
        Api.Response put = api.put(schedule, DAY_ROTATION.formatted(anchor), "admin", "admin");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    private static String anchor(Api api, long managerId) {
        return api.get(scheduleOf(managerId), "admin", "admin").body().at("/rotation/anchor")
                .asText();
    }

    /** One character a day for the i-th manager of the roster. */
    private static String pattern(JsonNode roster, int manager) {
        StringBuilder days = new StringBuilder();
        for (JsonNode day : roster.get("days")) {
            JsonNode shifts = day.get("managers").get(manager).get("shifts");
            if (shifts.isEmpty()) {
                days.append('.');
            } else if (shifts.get(0).get("kind").asText().equals("SWAPPED")) {
                days.append('S');
            } else {
                days.append(shifts.get(0).get("overnight").asBoolean() ? 'N' : 'X');
            }
        }
        return days.toString();
    }

    /** The i-th manager's exceptions in the roster: the day's index, the kind and, for a swap, the colleague. */
    private static List<String> marks(JsonNode roster, int manager) {
        List<String> marks = new ArrayList<>();
        for (int index = 0; index < roster.get("days").size(); index++) {
            for (JsonNode mark : roster.get("days").get(index).get("managers").get(manager).get("exceptions")) {
                marks.add(index + " " + mark.get("kind").asText()
                        + (mark.has("colleagueName") ? " " + mark.get("colleagueName").asText() : ""));
            }
        }
        return marks;
    }

    private static Locator cell(Page page, long managerId, LocalDate date) {
        return page.locator("td[data-manager-id='" + managerId + "'][data-date='" + date + "']");
    }

    private static void assertBad(Api.Response answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("field").asText()).as(answer.text()).isEqualTo(field);
    }

    private static List<String> kinds(JsonNode exceptions) {
        return StreamSupport.stream(exceptions.spliterator(), false).map(e -> e.get("kind").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode teamView(Api api, long team) {
        for (JsonNode view : api.get("/api/teams", "admin", "admin").body()) {
            if (view.get("id").asLong() == team) {
                return view;
            }
        }
        throw new AssertionError("No team " + team + " in /api/teams");
    }

    private static Instant at(String date, String time) {
        return at(LocalDate.parse(date), time);
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(MOSCOW).toInstant();
    }

    /** A team of the sandbox with a manager per login, known to ShiftRelay; their ids in order. */
    private List<Long> team(String name, String... logins) {
        long team = sandbox.createTeam(name);
        List<Long> ids = new ArrayList<>();
        for (String login : logins) {
            ids.add(sandbox.createUser(nameOf(login), login + "@demo.shiftrelay.local", team));
        }
        directory.sync();
        return ids;
    }

    /** "borisroster" is Борис Графиков, "veraroster" Вера Графикова, and so on. */
    private static String nameOf(String login) {
        return switch (login) {
            case "annaroster" -> "Анна Графикова";
            case "borisroster" -> "Борис Графиков";
            case "veraroster" -> "Вера Графикова";
            case "grigoryroster" -> "Григорий Графиков";
            case "semyonsched" -> "Семён Обменов";
            default -> "Менеджер " + login;
        };
    }
}

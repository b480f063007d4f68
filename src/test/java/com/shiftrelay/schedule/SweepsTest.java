package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a team's sweeps fall due in its zone, and whose deals a sweep takes. */
class SweepsTest {

    private static final long TEAM = 7;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<LocalTime> CLINIC = List.of(LocalTime.of(8, 15), LocalTime.of(14, 0));

    private final Schedules schedules = mock(Schedules.class);
    private final Managers managers = mock(Managers.class);

    private Sweeps at(ZonedDateTime now, ZoneId zone, List<LocalTime> times) {
        when(schedules.zoneOf(TEAM)).thenReturn(zone);
        when(schedules.sweepTimes(TEAM)).thenReturn(times);
        return new Sweeps(schedules, managers, Clock.fixed(now.toInstant(), ZoneOffset.UTC));
    }

    private static Instant moscow(String dateTime) {
        return ZonedDateTime.parse(dateTime + "+03:00[Europe/Moscow]").toInstant();
    }

    @Test
    void theNextSweepIsTheFirstOfTheDaysTimesStillAhead() {
        Sweeps sweeps = at(ZonedDateTime.of(2026, 12, 2, 7, 0, 0, 0, MOSCOW), MOSCOW, CLINIC);
        assertThat(sweeps.next(TEAM)).contains(moscow("2026-12-02T08:15:00"));
    }

    @Test
    void atTheSweepTimeItselfTheNextIsTheFollowingOne() {
        Sweeps sweeps = at(ZonedDateTime.of(2026, 12, 2, 8, 15, 0, 0, MOSCOW), MOSCOW, CLINIC);
        assertThat(sweeps.next(TEAM)).contains(moscow("2026-12-02T14:00:00"));
    }

    @Test
    void aNodeBackAfterBothOfTodaysSweepsRunsTheOverdueOneOnceAndThenWaitsForTomorrowMorning() {
        // The engine fired the overdue 08:15 timer when the node came back at 16:30; the next is not today's 14:00.
        Sweeps sweeps = at(ZonedDateTime.of(2026, 12, 2, 16, 30, 0, 0, MOSCOW), MOSCOW, CLINIC);
        assertThat(sweeps.next(TEAM)).contains(moscow("2026-12-03T08:15:00"));
    }

    @Test
    void sweepTimesAreInTheTeamsZoneAcrossTheSpringChange() {
        // The night Berlin moves from +01:00 to +02:00: 08:15 is 06:15 UTC on the day of the change.
        Sweeps sweeps = at(ZonedDateTime.of(2026, 3, 28, 20, 0, 0, 0, BERLIN), BERLIN, CLINIC);
        assertThat(sweeps.next(TEAM)).contains(Instant.parse("2026-03-29T06:15:00Z"));
    }

    @Test
    void aTeamWithoutSweepTimesHasNoSweep() {
        Sweeps sweeps = at(ZonedDateTime.of(2026, 12, 2, 7, 0, 0, 0, MOSCOW), MOSCOW, List.of());
        assertThat(sweeps.next(TEAM)).isEmpty();
    }

    @Test
    void aSweepTakesTheOfflineManagersDealsWhenSomebodyIsOnlineAndOnShift() {
        Sweeps sweeps = team(false, manager(1, PresenceState.ONLINE), manager(2, PresenceState.OFFLINE),
                manager(3, PresenceState.CONFIRMING), manager(4, PresenceState.OFFLINE));
        when(schedules.onShift(eq(1L), any())).thenReturn(true);
        assertThat(sweeps.offlineManagers(TEAM)).containsExactly(2L, 4L);
    }

    @Test
    void withOnlyAnOnlineManagerOffShiftAndNoOvertimeTheSweepTakesNothing() {
        Sweeps sweeps = team(false, manager(1, PresenceState.ONLINE), manager(2, PresenceState.OFFLINE));
        when(schedules.onShift(anyLong(), any())).thenReturn(false);
        assertThat(sweeps.offlineManagers(TEAM)).isEmpty();
    }

    @Test
    void whereOvertimeIsAllowedAnOnlineManagerOffShiftTakesThem() {
        Sweeps sweeps = team(true, manager(1, PresenceState.ONLINE), manager(2, PresenceState.OFFLINE));
        when(schedules.onShift(anyLong(), any())).thenReturn(false);
        assertThat(sweeps.offlineManagers(TEAM)).containsExactly(2L);
    }

    @Test
    void withNobodyOnlineTheSweepTakesNothing() {
        Sweeps sweeps = team(true, manager(1, PresenceState.CONFIRMING), manager(2, PresenceState.OFFLINE));
        assertThat(sweeps.offlineManagers(TEAM)).isEmpty();
    }

    private Sweeps team(boolean overtime, Manager... members) {
        when(managers.findByTeamIdAndActiveTrueOrderByIdAsc(TEAM)).thenReturn(List.of(members));
        when(schedules.overtimeAllowed(TEAM)).thenReturn(overtime);
        return at(ZonedDateTime.of(2026, 12, 2, 8, 15, 0, 0, MOSCOW), MOSCOW, CLINIC);
    }

    private static Manager manager(long id, PresenceState state) {
        Instant then = Instant.parse("2026-12-02T04:00:00Z");
        Manager manager = new Manager(id, "m" + id, "Менеджер " + id, null, TEAM, then);
        manager.moveTo(state, then);
        return manager;
    }
}

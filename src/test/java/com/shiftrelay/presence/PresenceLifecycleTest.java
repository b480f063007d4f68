package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Managers managers = mock(Managers.class);
    private final Teams teams = mock(Teams.class);
    private final PresenceSignals signals = mock(PresenceSignals.class);
    private final PresenceProperties properties =
            new PresenceProperties(Duration.ofMinutes(15), Duration.ofSeconds(60), null, null, null, null, null, null, null);
    private PresenceLifecycle lifecycle;
    private Manager anna;

    @BeforeEach
    void setUp() {
        lifecycle = new PresenceLifecycle(managers, teams, signals, properties, event -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
        anna = new Manager(1, "anna", "Анна", null, 7L, NOW.minusSeconds(3600));
        anna.moveTo(PresenceState.ONLINE, NOW.minusSeconds(3600));
        when(managers.findById(1L)).thenReturn(Optional.of(anna));
        when(managers.lockById(1L)).thenReturn(Optional.of(anna));
        when(teams.findById(7L)).thenReturn(Optional.of(new Team(7, "Смена")));
    }

    @Test
    void aManagerActiveRecentlyIsCheckedAgainAnIntervalAfterTheLastActivity() {
        anna.noteActivity(NOW.minusSeconds(600));

        ActivityCheck check = lifecycle.checkActivity(1);

        assertThat(check.inactive()).isFalse();
        assertThat(check.nextCheckAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aManagerSilentForTheIntervalIsInactive() {
        anna.noteActivity(NOW.minusSeconds(900));

        assertThat(lifecycle.checkActivity(1).inactive()).isTrue();
    }

    @Test
    void theTeamsOwnIntervalWins() {
        Team team = new Team(7, "Смена");
        team.setInactivityInterval(Duration.ofHours(1));
        when(teams.findById(7L)).thenReturn(Optional.of(team));
        anna.noteActivity(NOW.minusSeconds(900));

        ActivityCheck check = lifecycle.checkActivity(1);

        assertThat(check.inactive()).isFalse();
        assertThat(check.nextCheckAt()).isEqualTo(NOW.plusSeconds(2700));
    }

    @Test
    void whileDealsWaitAnOnlineColleagueSendsThemOver() {
        anna.moveTo(PresenceState.OFFLINE, NOW.minusSeconds(60));
        Manager boris = new Manager(2, "boris", "Борис", null, 7L, NOW);
        boris.moveTo(PresenceState.ONLINE, NOW);
        when(managers.lockTeam(7L)).thenReturn(List.of(anna, boris));

        assertThat(lifecycle.offlineNext(1, true)).isEqualTo(OfflineNext.COLLEAGUE_ONLINE);
        assertThat(lifecycle.offlineNext(1, false)).isEqualTo(OfflineNext.WAIT);
    }

    @Test
    void aConfirmationWhileAwayComesBeforeEverythingElse() {
        anna.moveTo(PresenceState.OFFLINE, NOW.minusSeconds(60));
        anna.noteConfirmation(NOW.minusSeconds(10));

        assertThat(lifecycle.offlineNext(1, true)).isEqualTo(OfflineNext.CONFIRMED);
    }

    @Test
    void comingOnlineTellsTheTeam() {
        anna.moveTo(PresenceState.OFFLINE, NOW.minusSeconds(60));

        lifecycle.markOnline(1);

        assertThat(anna.getState()).isEqualTo(PresenceState.ONLINE);
        verify(signals).teamMemberCameOnline(7L);
    }

    @Test
    void aLateEventKeepsAnUnansweredManagerOnline() {
        lifecycle.askForConfirmation(1);
        // A CRM event of the second the question was asked, recorded at the end of that second.
        anna.noteActivity(NOW.plusMillis(999));

        assertThat(lifecycle.markOfflineIfSilent(1)).isFalse();
        assertThat(anna.getState()).isEqualTo(PresenceState.ONLINE);
    }

    @Test
    void theConfirmationIsDueWhenItsWindowClosesAndSaysSoInMoscowTime() {
        ConfirmationDeadline deadline = lifecycle.askForConfirmation(1);

        assertThat(deadline.at()).isEqualTo(NOW.plusSeconds(60));
        assertThat(deadline.localTime()).isEqualTo("13:01:00 (время московское)");
        assertThat(deadline.windowInWords()).isEqualTo("минута");
        assertThat(anna.getState()).isEqualTo(PresenceState.CONFIRMING);
    }

    @Test
    void aTeamWithAWindowOfItsOwnGivesItsManagersThatLongToAnswer() {
        Team slow = new Team(7, "Клиника");
        slow.setConfirmationTimeout(Duration.ofMinutes(10));
        when(teams.findById(7L)).thenReturn(Optional.of(slow));

        ConfirmationDeadline deadline = lifecycle.askForConfirmation(1);

        assertThat(deadline.at()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(deadline.windowInWords()).isEqualTo("10 минут");
    }
}

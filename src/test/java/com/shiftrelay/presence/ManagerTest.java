package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManagerTest {

    private static final Instant OFFLINE_AT = Instant.parse("2026-11-23T10:00:00.500Z");

    private Manager offlineManager() {
        Manager manager = new Manager(5, "anna", "Анна", "anna@example.test", 1L, Instant.parse("2026-11-23T08:00:00Z"));
        manager.moveTo(PresenceState.ONLINE, Instant.parse("2026-11-23T09:00:00Z"));
        manager.moveTo(PresenceState.OFFLINE, OFFLINE_AT);
        return manager;
    }

    @Test
    void activityAfterTheChangeCounts() {
        Manager manager = offlineManager();
        manager.noteActivity(OFFLINE_AT.plusMillis(1));

        assertThat(manager.activeSinceStateChange()).isTrue();
    }

    @Test
    void activityJustBeforeTheChangeDoesNot() {
        Manager manager = offlineManager();
        manager.noteActivity(OFFLINE_AT.minusMillis(150));

        assertThat(manager.activeSinceStateChange()).isFalse();
    }

    @Test
    void lateOrRepeatedEventsNeverMoveTheLastActivityBack() {
        Manager manager = offlineManager();
        manager.noteActivity(Instant.parse("2026-11-23T10:05:00Z"));
        manager.noteActivity(Instant.parse("2026-11-23T10:01:00Z"));

        assertThat(manager.getLastActivityAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void aConfirmationIsAlsoActivity() {
        Manager manager = offlineManager();
        manager.noteConfirmation(Instant.parse("2026-11-23T10:10:00Z"));

        assertThat(manager.confirmedSinceStateChange()).isTrue();
        assertThat(manager.getLastActivityAt()).isEqualTo(Instant.parse("2026-11-23T10:10:00Z"));
    }
}

package com.shiftrelay.presence;

import static com.shiftrelay.presence.WorkDayFeed.Action.NONE;
import static com.shiftrelay.presence.WorkDayFeed.Action.SIGN_OFF;
import static com.shiftrelay.presence.WorkDayFeed.Action.START_SHIFT;
import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.crm.WorkDay;
import com.shiftrelay.presence.PresenceProperties.WorkDayPause;
import org.junit.jupiter.api.Test;

/** What each change of the work day on the CRM's time clock does to a manager's presence. */
class WorkDayFeedTest {

    @Test
    void closingTheWorkDayIsLeaving() {
        assertThat(WorkDayFeed.action(WorkDay.OPENED, WorkDay.CLOSED, PresenceState.ONLINE, WorkDayPause.IGNORE))
                .isEqualTo(SIGN_OFF);
        assertThat(WorkDayFeed.action(WorkDay.PAUSED, WorkDay.CLOSED, PresenceState.CONFIRMING, WorkDayPause.IGNORE))
                .isEqualTo(SIGN_OFF);
        assertThat(WorkDayFeed.action(WorkDay.OPENED, WorkDay.CLOSED, PresenceState.OFFLINE, WorkDayPause.IGNORE))
                .as("gone already").isEqualTo(NONE);
    }

    @Test
    void openingTheWorkDayStartsTheShift() {
        assertThat(WorkDayFeed.action(WorkDay.CLOSED, WorkDay.OPENED, PresenceState.OFFLINE, WorkDayPause.IGNORE))
                .isEqualTo(START_SHIFT);
        assertThat(WorkDayFeed.action(WorkDay.PAUSED, WorkDay.OPENED, PresenceState.CONFIRMING, WorkDayPause.IGNORE))
                .as("back from a break while being asked").isEqualTo(START_SHIFT);
        assertThat(WorkDayFeed.action(WorkDay.CLOSED, WorkDay.OPENED, PresenceState.ONLINE, WorkDayPause.IGNORE))
                .isEqualTo(NONE);
    }

    @Test
    void aPauseIsABreakUnlessTheSettingSaysOffline() {
        assertThat(WorkDayFeed.action(WorkDay.OPENED, WorkDay.PAUSED, PresenceState.ONLINE, WorkDayPause.IGNORE))
                .isEqualTo(NONE);
        assertThat(WorkDayFeed.action(WorkDay.OPENED, WorkDay.PAUSED, PresenceState.ONLINE, WorkDayPause.OFFLINE))
                .isEqualTo(SIGN_OFF);
    }

    @Test
    void theFirstReadingAndAnExpiredDayChangeNothing() {
        for (WorkDay day : WorkDay.values()) {
            assertThat(WorkDayFeed.action(null, day, PresenceState.ONLINE, WorkDayPause.OFFLINE)).isEqualTo(NONE);
        }
        assertThat(WorkDayFeed.action(WorkDay.OPENED, WorkDay.EXPIRED, PresenceState.ONLINE, WorkDayPause.OFFLINE))
                .isEqualTo(NONE);
    }
}

package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ActivityFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:30Z");

    private final CrmGateway crm = mock(CrmGateway.class);
    private final ActivityCursors cursors = mock(ActivityCursors.class);
    private final Presence presence = mock(Presence.class);
    private final ActivityCursor cursor = new ActivityCursor(ActivityFeed.SOURCE, Instant.parse("2026-11-23T10:00:00Z"));
    private ActivityFeed feed;

    @BeforeEach
    void setUp() {
        feed = new ActivityFeed(crm, cursors, presence, Clock.fixed(NOW, ZoneOffset.UTC));
        when(cursors.lock(ActivityFeed.SOURCE)).thenReturn(Optional.of(cursor));
    }

    private static CrmActivity event(String id, long user, String at) {
        return new CrmActivity(id, user, ActivityType.INCOMING_CALL, Instant.parse(at));
    }

    @Test
    void recordsEachManagersLatestEventAtTheEndOfItsSecondAndMovesTheCursor() {
        when(crm.activitySince(Instant.parse("2026-11-23T10:00:00Z"))).thenReturn(List.of(
                event("a", 1, "2026-11-23T10:00:05Z"), event("b", 1, "2026-11-23T10:00:20Z"),
                event("c", 2, "2026-11-23T10:00:10Z")));
        when(presence.recordActivities(any())).thenReturn(2);

        assertThat(feed.poll()).isEqualTo(2);

        verify(presence).recordActivities(Map.of(
                1L, Instant.parse("2026-11-23T10:00:20.999Z"), 2L, Instant.parse("2026-11-23T10:00:10.999Z")));
        assertThat(cursor.readFrom(NOW)).isEqualTo(Instant.parse("2026-11-23T10:00:20Z"));
    }

    @Test
    void aFailedReadLeavesTheCursorWhereItWas() {
        when(crm.activitySince(any())).thenThrow(new CrmUnavailableException("down"));

        Executable poll = feed::poll;
        org.junit.jupiter.api.Assertions.assertThrows(CrmUnavailableException.class, poll);
        assertThat(cursor.readFrom(NOW)).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void theFirstReadLooksAFewMinutesBack() {
        when(cursors.lock(ActivityFeed.SOURCE)).thenReturn(Optional.of(new ActivityCursor(ActivityFeed.SOURCE, null)));
        when(crm.activitySince(any())).thenReturn(List.of());

        feed.poll();

        verify(crm).activitySince(NOW.minusSeconds(300));
    }
}

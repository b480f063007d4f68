package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the CRM's event feed since the last read and records who did something. The cursor only moves
 * when the whole read succeeded, so a CRM outage delays activity but loses none. The feed is read from
 * the second of the newest event seen, so an event of that second is read twice; recording is
 * idempotent.
 */
@Service
public class ActivityFeed {

    static final String SOURCE = "crm";
    private static final Logger log = LoggerFactory.getLogger(ActivityFeed.class);
    /** On the very first read, look this far back. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(5);

    private final CrmGateway crm;
    private final ActivityCursors cursors;
    private final Presence presence;
    private final Clock clock;

    ActivityFeed(CrmGateway crm, ActivityCursors cursors, Presence presence, Clock clock) {
        this.crm = crm;
        this.cursors = cursors;
        this.presence = presence;
        this.clock = clock;
    }

    /**
     * The CRM stamps events in whole seconds: an event of second S happened before S+1. Recording it at
     * the end of its second means a manager who acted in the very second they were marked OFFLINE counts
     * as having acted after it, rather than being missed.
     */
    static Instant endOfSecond(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).plusMillis(999);
    }

    /** Returns how many managers showed activity. */
    @Transactional
    public int poll() {
        ActivityCursor cursor = cursors.lock(SOURCE).orElseGet(() -> cursors.save(new ActivityCursor(SOURCE, null)));
        Instant from = cursor.readFrom(clock.instant().minus(FIRST_LOOK_BACK));
        List<CrmActivity> events = crm.activitySince(from);
        Map<Long, Instant> latest = events.stream()
                .collect(Collectors.toMap(CrmActivity::userId, CrmActivity::at, BinaryOperator.maxBy(Instant::compareTo)));
        int recorded = presence.recordActivities(latest.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> endOfSecond(entry.getValue()))));
        log.debug("Activity feed read from {}: {} events, {} managers active", from, events.size(), recorded);
        latest.values().stream().max(Instant::compareTo).ifPresent(cursor::advanceTo);
        return recorded;
    }
}

package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import com.shiftrelay.crm.CrmGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the CRM's event feed and records who did something.
 *
 * <ul>
 *   <li>Each read starts an overlap (shiftrelay.presence.activity-feed-overlap) before the newest event seen,
 *       so an event the CRM lists late with an older time is still read; event ids already counted are
 *       skipped, so nothing counts twice.</li>
 *   <li>The CRM is asked with no database row locked; what it answered is recorded, and the cursor moved,
 *       under the cursor's lock afterwards. A failed read moves nothing, so an outage delays activity but
 *       loses none.</li>
 *   <li>A CRM that does not answer is one signal, not a failure every poll: reads pause with a doubling
 *       back-off, the poll ends normally (no incident per poll), and {@link #health()} says since when.</li>
 * </ul>
 */
@Service
public class ActivityFeed {

    static final String SOURCE = "crm";
    private static final Logger log = LoggerFactory.getLogger(ActivityFeed.class);
    /** On the very first read, look this far back. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(5);

    private final CrmGateway crm;
    private final ActivityCursors cursors;
    private final SeenEvents seen;
    private final Presence presence;
    private final PresenceProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ActivityFeed(CrmGateway crm, ActivityCursors cursors, SeenEvents seen, Presence presence,
                 PresenceProperties properties, TransactionTemplate tx, Clock clock) {
        this.crm = crm;
        this.cursors = cursors;
        this.seen = seen;
        this.presence = presence;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** The state of the feed, for health checks and admins. */
    public record Health(boolean answering, int failures, Instant failingSince, Instant nextAttemptAt,
                         String lastError, Instant readUpTo) {
    }

    /**
     * The CRM stamps events in whole seconds: an event of second S happened before S+1. Recording it at
     * the end of its second means a manager who acted in the very second they were marked OFFLINE counts
     * as having acted after it, rather than being missed.
     */
    static Instant endOfSecond(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).plusMillis(999);
    }

    /** Returns how many managers showed activity (0 while the CRM does not answer). */
    public int poll() {
        Instant now = clock.instant();
        ActivityCursor state = tx.execute(status -> cursor());
        if (state.backingOff(now)) {
            log.debug("Activity feed: the CRM has not answered {} times; next read at {}", state.getFailures(),
                    state.getNextAttemptAt());
            return 0;
        }
        Instant from = state.readFrom(now.minus(FIRST_LOOK_BACK)).minus(properties.activityFeedOverlap());
        List<CrmActivity> events;
        try {
            events = crm.activitySince(from);
        } catch (CrmException e) {
            failed(now, e);
            return 0;
        }
        return tx.execute(status -> record(events, from));
    }

    public Health health() {
        ActivityCursor state = tx.execute(status -> cursor());
        return new Health(state.getFailures() == 0, state.getFailures(), state.getFailingSince(),
                state.getNextAttemptAt(), state.getLastError(), state.readFrom(null));
    }

    private int record(List<CrmActivity> events, Instant from) {
        ActivityCursor cursor = cursors.lock(SOURCE).orElseThrow();
        Map<String, CrmActivity> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        Set<String> counted = byId.isEmpty() ? Set.of() : new HashSet<>(seen.seenOf(SOURCE, byId.keySet()));
        List<CrmActivity> fresh = byId.values().stream().filter(event -> !counted.contains(event.id())).toList();
        fresh.forEach(event -> seen.save(new SeenEvent(SOURCE, event.id(), event.at())));
        Map<Long, Instant> latest = fresh.stream()
                .collect(Collectors.toMap(CrmActivity::userId, CrmActivity::at, BinaryOperator.maxBy(Instant::compareTo)));
        int recorded = presence.recordActivities(latest.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> endOfSecond(entry.getValue()))));
        events.stream().map(CrmActivity::at).max(Instant::compareTo).ifPresent(cursor::advanceTo);
        if (cursor.getFailures() > 0) {
            log.info("Activity feed: the CRM answers again after {} failed reads since {}", cursor.getFailures(),
                    cursor.getFailingSince());
        }
        cursor.succeeded();
        // Ids older than anything the next read can bring back are no longer needed.
        seen.forgetBefore(SOURCE, cursor.readFrom(from).minus(properties.activityFeedOverlap()).minusSeconds(1));
        log.debug("Activity feed read from {}: {} events, {} new, {} managers active", from, events.size(),
                fresh.size(), recorded);
        return recorded;
    }

    private void failed(Instant now, CrmException e) {
        tx.executeWithoutResult(status -> {
            ActivityCursor cursor = cursors.lock(SOURCE).orElseThrow();
            cursor.failed(now, e.getMessage(), properties.activityPollInterval(),
                    properties.activityFeedLongestBackOff());
            if (cursor.getFailures() == 1) {
                log.warn("Activity feed: the CRM did not answer ({}); reads pause and back off until it does",
                        e.getMessage());
            } else {
                log.debug("Activity feed: the CRM still does not answer ({} times); next read at {}",
                        cursor.getFailures(), cursor.getNextAttemptAt());
            }
        });
    }

    private ActivityCursor cursor() {
        return cursors.findById(SOURCE).orElseGet(() -> cursors.save(new ActivityCursor(SOURCE, null)));
    }
}

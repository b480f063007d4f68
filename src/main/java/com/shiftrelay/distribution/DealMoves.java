package com.shiftrelay.distribution;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger of deal moves, as distribution needs it: new-deal assignments and queue drains are runs of the same
 * ledger as hand-overs and returns, written to the CRM by the same batch step with the same re-check, rate limit and
 * retries. Implemented by the hand-over feature, which owns the ledger.
 */
public interface DealMoves {

    /** ASSIGNMENT: a new or re-routed deal given to a manager; DRAIN: deals a team's queue dealt out. */
    enum RunKind { ASSIGNMENT, DRAIN }

    /** Deal {@code dealId} goes from {@code fromId} (its responsible now) to {@code toId}, whose deal it then is. */
    record Move(long dealId, long fromId, long toId) {
    }

    /** A run as recorded: its id and how many batches the CRM gets it in. */
    record RecordedRun(String runId, int batchCount) {
    }

    /** What became of one deal of a run once its batches were written. */
    record Outcome(Status status, Long toId, String note) {

        public enum Status { WRITTEN, SKIPPED, REJECTED, WAITING }
    }

    RecordedRun record(RunKind kind, long teamId, List<Move> moves, Instant now);

    /** Closes the run; every deal's outcome by deal id. */
    Map<Long, Outcome> complete(String runId);

    /** Whether ShiftRelay itself gave the deal to this responsible since then (the CRM's echo of its own write). */
    boolean isOwnChange(long dealId, long responsibleId, Instant since);

    /**
     * Whether ShiftRelay is moving the deal or wrote a move of it since then: a change event that names only the deal
     * may be the echo of that write.
     */
    boolean touchedSince(long dealId, Instant since);

    /** The responsible ShiftRelay last wrote for the deal, and when; empty if it never moved it. */
    Optional<Written> lastWritten(long dealId);

    /** A move as written to the CRM: the deal went to {@code toId} at {@code at}. */
    record Written(long toId, Instant at) {
    }

    /**
     * The deals ShiftRelay has given, or is giving, each of the managers since then: planned and not written yet, or
     * written since. Those the CRM did not list for the manager are on their way and count toward what they hold.
     */
    Map<Long, Set<Long>> givenTo(Collection<Long> managerIds, Instant since);
}

package com.shiftrelay.handover;

import com.shiftrelay.distribution.DealMoves;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as distribution uses it: a new deal's assignment or a queue drain is a run of the ledger like a
 * hand-over, written by the same batch step (re-read first, refused deals recorded, a colleague who left gets
 * nothing), so every move ShiftRelay makes is in one place.
 */
@Component
class LedgerMoves implements DealMoves {

    private final Ledger ledger;
    private final HandoverMoves moves;
    private final HandoverBatches batches;

    LedgerMoves(Ledger ledger, HandoverMoves moves, HandoverBatches batches) {
        this.ledger = ledger;
        this.moves = moves;
        this.batches = batches;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RecordedRun record(RunKind kind, long teamId, List<Move> planned, Instant now) {
        Handover run = new Handover(kind == RunKind.ASSIGNMENT ? Handover.Kind.ASSIGNMENT : Handover.Kind.DRAIN,
                null, teamId, now);
        Map<Long, Long> newOwners = planned.stream().collect(Collectors.toMap(Move::dealId, Move::toId));
        // The deal becomes the new manager's own: a later hand-over gives it back to them.
        PlanOutcome outcome = ledger.record(run, planned.stream()
                .map(move -> new PlannedMove(move.dealId(), move.fromId(), move.toId())).toList(), newOwners::get, now);
        return new RecordedRun(outcome.handoverId(), outcome.batchCount());
    }

    @Override
    @Transactional
    public Map<Long, Outcome> complete(String runId) {
        batches.complete(runId);
        Map<Long, Outcome> outcomes = new HashMap<>();
        for (HandoverMove move : moves.findByHandoverIdOrderByDealIdAsc(runId)) {
            Outcome.Status status = switch (move.getStatus()) {
                case WRITTEN -> Outcome.Status.WRITTEN;
                case SKIPPED -> Outcome.Status.SKIPPED;
                case REJECTED -> Outcome.Status.REJECTED;
                case PLANNED, WAITING -> Outcome.Status.WAITING;
            };
            outcomes.put(move.getDealId(), new Outcome(status, move.getToId(), move.getNote()));
        }
        return outcomes;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOwnChange(long dealId, long responsibleId, Instant since) {
        return moves.existsOwnMove(dealId, responsibleId, since);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean touchedSince(long dealId, Instant since) {
        return moves.existsMoveSince(dealId, since);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Written> lastWritten(long dealId) {
        return moves.findLatestWritten(List.of(dealId)).stream().findFirst()
                .map(move -> new Written(move.getToId(), move.getWrittenAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> givenTo(Collection<Long> managerIds, Instant since) {
        Map<Long, Set<Long>> given = new HashMap<>();
        if (managerIds.isEmpty()) {
            return given;
        }
        for (Object[] row : moves.findGivenTo(managerIds, since)) {
            given.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
        }
        return given;
    }
}

package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a planned batch to the CRM as things stand when it is written, not as they stood when it was
 * planned. Before writing, deals not seen in the last few seconds (shiftrelay.handover.recheck-after) are
 * re-read, the batch and the ones after it in one request: a deal a person reassigned, closed or pinned since planning is left alone; a colleague who has
 * left by now gets nothing, and their deals go to those still at work (or wait when nobody is). The CRM
 * may refuse single deals; those are recorded with its reason and the rest is written. The ledger rows
 * change in the job's transaction, so a failed request leaves the batch PLANNED for the retry, and a
 * batch written before is not sent again.
 */
@Service
public class HandoverBatches {

    /** Deals re-read in one request: amoCRM's page size, so re-checking costs one request per five batches. */
    static final int RECHECK_WINDOW = 250;

    private static final Logger log = LoggerFactory.getLogger(HandoverBatches.class);

    private final CrmGateway crm;
    private final Handovers handovers;
    private final HandoverMoves moves;
    private final Managers managers;
    private final Ledger ledger;
    private final HandoverProperties properties;
    private final Clock clock;

    HandoverBatches(CrmGateway crm, Handovers handovers, HandoverMoves moves, Managers managers, Ledger ledger,
                    HandoverProperties properties, Clock clock) {
        this.crm = crm;
        this.handovers = handovers;
        this.moves = moves;
        this.managers = managers;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many deals this call moved (0 when the batch was written before or nothing was left). */
    @Transactional
    public int write(String handoverId, int batchNo) {
        List<HandoverMove> batch = planned(handoverId, batchNo);
        if (batch.isEmpty()) {
            return 0;
        }
        Handover run = handovers.findById(handoverId)
                .orElseThrow(() -> new IllegalStateException("No hand-over " + handoverId));
        Instant now = clock.instant();
        if (batch.stream().anyMatch(move -> !move.checkedSince(now.minus(properties.recheckAfter())))) {
            recheck(run, batchNo, now);
            batch = batch.stream().filter(move -> move.getStatus() == HandoverMove.Status.PLANNED).toList();
        }
        batch = toColleaguesAtWork(run, batch);
        if (batch.isEmpty()) {
            return 0;
        }
        ReassignResult result = crm.reassign(batch.stream()
                .map(move -> new Reassignment(move.getDealId(), move.getToId())).toList());
        int written = 0;
        for (HandoverMove move : batch) {
            if (result.written(move.getDealId())) {
                move.written(now);
                written++;
            } else {
                move.reject("The CRM refused the change: " + result.rejected().get(move.getDealId()));
            }
        }
        if (!result.rejected().isEmpty()) {
            log.warn("{} {} batch {}: the CRM refused {}", run.getKind(), handoverId, batchNo, result.rejected());
        }
        return written;
    }

    /** Closes the run: DONE, or WAITING when some of its deals found nobody at work to take them. */
    @Transactional
    public RunSummary complete(String handoverId) {
        Handover run = handovers.findById(handoverId)
                .orElseThrow(() -> new IllegalStateException("No hand-over " + handoverId));
        Map<HandoverMove.Status, Integer> counts = new EnumMap<>(HandoverMove.Status.class);
        moves.findByHandoverIdOrderByDealIdAsc(handoverId)
                .forEach(move -> counts.merge(move.getStatus(), 1, Integer::sum));
        RunSummary summary = new RunSummary(counts.getOrDefault(HandoverMove.Status.WRITTEN, 0),
                counts.getOrDefault(HandoverMove.Status.SKIPPED, 0),
                counts.getOrDefault(HandoverMove.Status.REJECTED, 0),
                counts.getOrDefault(HandoverMove.Status.WAITING, 0));
        // A team's run hands deals that found nobody back to distribution's queue, so the run itself is done.
        boolean teams = run.getKind() == Handover.Kind.ASSIGNMENT || run.getKind() == Handover.Kind.DRAIN;
        if (summary.waiting() > 0 && !teams) {
            run.waiting();
        } else {
            run.complete(clock.instant());
        }
        log.info("{} {} of manager {} closed: {}", run.getKind(), handoverId, run.getManagerId(), summary);
        return summary;
    }

    /** How a run ended: deals written, left alone, refused by the CRM, and waiting for a colleague. */
    public record RunSummary(int written, int skipped, int rejected, int waiting) {
    }

    private List<HandoverMove> planned(String handoverId, int batchNo) {
        return moves.findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc(handoverId, batchNo,
                HandoverMove.Status.PLANNED);
    }

    /** Re-reads this batch's deals and the next planned ones of the run, in one request. */
    private void recheck(Handover run, int batchNo, Instant now) {
        List<HandoverMove> window = moves.findByHandoverIdAndStatusAndBatchNoGreaterThanEqual(run.getId(),
                HandoverMove.Status.PLANNED, batchNo,
                PageRequest.of(0, RECHECK_WINDOW, Sort.by("batchNo", "dealId")));
        Map<Long, CrmDeal> current = crm.deals(window.stream().map(HandoverMove::getDealId).toList()).stream()
                .collect(Collectors.toMap(CrmDeal::id, Function.identity(), (a, b) -> a));
        PlanningRules rules = ledger.rules();
        int skipped = 0;
        for (HandoverMove move : window) {
            String changed = changedSincePlanning(move, current.get(move.getDealId()), rules);
            if (changed == null) {
                move.checked(now);
            } else {
                move.skip(changed);
                skipped++;
                log.info("{} {}: deal {} left alone: {}", run.getKind(), run.getId(), move.getDealId(), changed);
            }
        }
        if (skipped > 0) {
            log.info("{} {}: {} of {} re-read deals changed in the CRM since planning and stay where they are",
                    run.getKind(), run.getId(), skipped, window.size());
        }
    }

    /** Why the deal must no longer move, or null when it stands as planned. */
    static String changedSincePlanning(HandoverMove move, CrmDeal deal, PlanningRules rules) {
        if (deal == null) {
            return "the deal is no longer in the CRM";
        }
        if (deal.closed()) {
            return "the deal was closed after planning";
        }
        if (deal.responsibleId() != move.getFromId()) {
            return "the deal was given to user " + deal.responsibleId() + " after planning (was "
                    + move.getFromId() + ")";
        }
        if (rules.pinned(deal)) {
            return "the deal was pinned to its manager after planning";
        }
        return null;
    }

    /**
     * A colleague who is no longer ONLINE gets nothing more. In a hand-over their deals go to the colleagues
     * of the team who are, balanced by what this run gave each; with nobody there they wait. In a return the
     * owner has left again: the deals stay with the colleague who holds them and come back next time. In a new
     * deal's assignment or a queue drain the deal waits, and distribution places it again.
     */
    private List<HandoverMove> toColleaguesAtWork(Handover run, List<HandoverMove> batch) {
        Set<Long> targets = batch.stream().map(HandoverMove::getToId).collect(Collectors.toSet());
        Map<Long, Manager> byId = managers.findAllById(targets).stream()
                .collect(Collectors.toMap(Manager::getId, Function.identity()));
        List<HandoverMove> gone = batch.stream().filter(move -> !atWork(byId.get(move.getToId()))).toList();
        if (gone.isEmpty()) {
            return batch;
        }
        switch (run.getKind()) {
            case RETURN -> gone.forEach(move -> move.skip("manager " + move.getToId() + " is no longer ONLINE; the"
                    + " deal stays with " + move.getFromId() + " until the next return"));
            // A team's run gives the deal back to distribution, which places it again by its rule's strategy.
            case ASSIGNMENT, DRAIN -> gone.forEach(move -> move.waitForColleague("manager " + move.getToId()
                    + " left before the deal was written"));
            case HANDOVER -> redirect(run, gone);
        }
        return batch.stream().filter(move -> move.getStatus() == HandoverMove.Status.PLANNED).toList();
    }

    private void redirect(Handover run, List<HandoverMove> gone) {
        List<Long> online = run.getTeamId() == null ? List.of()
                : managers.findByTeamIdAndStateAndActiveTrue(run.getTeamId(), PresenceState.ONLINE).stream()
                        .map(Manager::getId).filter(id -> !id.equals(run.getManagerId())).sorted().toList();
        if (online.isEmpty()) {
            gone.forEach(move -> move.waitForColleague("manager " + move.getToId()
                    + " left before the deal was written, and nobody of the team is ONLINE"));
            log.info("Hand-over {}: {} deals wait, nobody of team {} is ONLINE any more", run.getId(), gone.size(),
                    run.getTeamId());
            return;
        }
        Map<Long, Long> given = loads(run.getId(), online);
        List<HandoverPlanner.Candidate> candidates = online.stream()
                .map(id -> new HandoverPlanner.Candidate(id, given.getOrDefault(id, 0L).intValue())).toList();
        Map<Long, HandoverMove> byDeal = new HashMap<>();
        gone.forEach(move -> byDeal.put(move.getDealId(), move));
        List<PlannedMove> spread = HandoverPlanner.spread(run.getManagerId(),
                gone.stream().map(HandoverMove::getDealId).toList(), candidates);
        for (PlannedMove planned : spread) {
            HandoverMove move = byDeal.get(planned.dealId());
            move.redirect(planned.toId(), "planned for manager " + move.getToId()
                    + ", who left before it was written");
        }
        log.info("Hand-over {}: {} deals of colleagues who left go to {}", run.getId(), gone.size(), online);
    }

    private Map<Long, Long> loads(String handoverId, Collection<Long> candidates) {
        Map<Long, Long> loads = new HashMap<>();
        for (Object[] row : moves.countByTarget(handoverId, candidates)) {
            loads.put((Long) row[0], (Long) row[1]);
        }
        return loads;
    }

    private static boolean atWork(Manager manager) {
        return manager != null && manager.isActive() && manager.getState() == PresenceState.ONLINE;
    }
}

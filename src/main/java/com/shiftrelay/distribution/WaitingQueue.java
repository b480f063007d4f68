package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDeal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams' waiting queues: deals nobody eligible could take wait here, first in first out, and are dealt out by the
 * team's strategy among everybody eligible when the queue is drained. A deal never leaves the queue unaccounted for:
 * it is dealt out, or it leaves with a reason (closed, given to somebody by a person, gone), and each is logged.
 */
@Service
public class WaitingQueue {

    private static final Logger log = LoggerFactory.getLogger(WaitingQueue.class);

    private final QueuedDeals queue;
    private final DealPlacement placement;
    private final DealRouting routing;
    private final DealMoves moves;
    private final AssignmentLog assignments;
    private final DistributionSignals signals;
    private final Clock clock;

    WaitingQueue(QueuedDeals queue, DealPlacement placement, DealRouting routing, DealMoves moves,
                 AssignmentLog assignments, DistributionSignals signals, Clock clock) {
        this.queue = queue;
        this.placement = placement;
        this.routing = routing;
        this.moves = moves;
        this.assignments = assignments;
        this.signals = signals;
        this.clock = clock;
    }

    /** What a drain planned: a run to write, or nothing (the queue is empty, or nobody eligible yet). */
    public record DrainPlan(String runId, int batchCount, int dealtOut, int stillWaiting) {

        public boolean planned() {
            return runId != null;
        }
    }

    /** A waiting deal as the API and the supervisors' task show it: its place in its team's queue, and since when. */
    public record Waiting(long entryId, int position, long dealId, String dealName, long teamId, Instant since,
                          String ruleId, String note) {
    }

    /** The deals waiting now, in each team's order; {@code teamId} null = every team. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(Long teamId) {
        List<QueuedDeal> entries = teamId == null ? queue.findByStatusOrderByTeamIdAscArrivalAscIdAsc(QueuedDeal.Status.WAITING)
                : queue.findByTeamIdAndStatusOrderByArrivalAscIdAsc(teamId, QueuedDeal.Status.WAITING);
        Map<Long, Integer> positions = new HashMap<>();
        return entries.stream().map(entry -> new Waiting(entry.getId(),
                positions.merge(entry.getTeamId(), 1, Integer::sum), entry.getDealId(), entry.getDealName(),
                entry.getTeamId(), entry.getEnqueuedAt(), entry.getRuleId(), entry.getNote())).toList();
    }

    /** The entry if it still waits. */
    @Transactional(readOnly = true)
    public Optional<Waiting> waitingEntry(long entryId) {
        return queue.findById(entryId).filter(QueuedDeal::isWaiting)
                .flatMap(entry -> waiting(entry.getTeamId()).stream().filter(w -> w.entryId() == entryId).findFirst());
    }

    /** Puts the deal at the end of its team's queue; a deal that waits already keeps its place. */
    QueuedDeal enqueue(long teamId, CrmDeal deal, long arrival, Route route, Strategy strategy, Instant now) {
        Optional<QueuedDeal> waiting = queue.findFirstByDealIdAndStatusInOrderByIdDesc(deal.id(),
                List.of(QueuedDeal.Status.WAITING, QueuedDeal.Status.PLANNED));
        if (waiting.isPresent() && waiting.get().getTeamId() == teamId) {
            return waiting.get();
        }
        waiting.ifPresent(other -> leave(other, "now routed to team " + teamId, now));
        return queue.saveAndFlush(new QueuedDeal(teamId, deal.id(), arrival, deal.name(), route, strategy, now));
    }

    boolean hasWaiting(long teamId) {
        return queue.existsByTeamIdAndStatus(teamId, QueuedDeal.Status.WAITING);
    }

    /**
     * Deals out the team's queue, oldest first, by each deal's strategy among everybody eligible now. Each deal is
     * read again and routed again first: one that was closed, went elsewhere by the rules, or is gone, leaves.
     */
    @Transactional
    public DrainPlan planDrain(long teamId) {
        List<QueuedDeal> entries = queue.findByTeamIdAndStatusOrderByArrivalAscIdAsc(teamId, QueuedDeal.Status.WAITING);
        if (entries.isEmpty()) {
            return new DrainPlan(null, 0, 0, 0);
        }
        Instant now = clock.instant();
        Map<Long, CrmDeal> current = placement.dealsById(entries.stream().map(QueuedDeal::getDealId).toList());
        DealRouting.RoutingTable table = routing.current();
        List<QueuedDeal> toPlace = new ArrayList<>();
        Map<Long, Route> routes = new HashMap<>();
        for (QueuedDeal entry : entries) {
            CrmDeal deal = current.get(entry.getDealId());
            // A rule that names no team leaves the deal with the team whose queue it is in.
            Route route = deal == null || deal.closed() ? null : table.route(deal).withTeamIfNone(teamId);
            String gone = deal == null ? "the deal is no longer in the CRM"
                    : deal.closed() ? "the deal was closed while it waited"
                    : !route.matched() ? "no routing rule matches the deal any more" : null;
            if (gone != null) {
                leave(entry, gone, now);
            } else if (route.teamId() != teamId) {
                // Its stage changed while it waited: it waits for the other team now, and is not lost between the two.
                Strategy strategy = placement.strategyFor(route);
                enqueue(route.teamId(), deal, entry.getArrival(), route, strategy, now);
                assignments.record(new AssignmentLog.Decision(now, deal.id(), AssignmentEntry.Kind.QUEUED, null,
                        route.teamId(), route, strategy, null, deal.responsibleId(), List.of(),
                        "moved from the queue of team " + teamId + ": its stage now belongs to this team"));
                signals.drainRequested(route.teamId(), false);
            } else {
                toPlace.add(entry);
                routes.put(entry.getDealId(), route);
            }
        }
        if (toPlace.isEmpty()) {
            return new DrainPlan(null, 0, 0, 0);
        }
        Map<Long, Strategy> strategies = toPlace.stream().collect(Collectors.toMap(QueuedDeal::getDealId,
                entry -> placement.strategyFor(routes.get(entry.getDealId()))));
        DealPlacement.Roster roster = placement.roster(teamId, placement.needsLoads(teamId, strategies.values()));
        // Two drains of one team may run at once (two managers arriving in the same second): once the team is
        // locked, only what still waits is dealt out, so no deal is dealt out twice.
        placement.lockTeam(teamId);
        Set<Long> stillWaiting = queue.findByTeamIdAndStatusOrderByArrivalAscIdAsc(teamId, QueuedDeal.Status.WAITING)
                .stream().map(QueuedDeal::getId).collect(Collectors.toSet());
        toPlace.removeIf(entry -> !stillWaiting.contains(entry.getId()));
        if (toPlace.isEmpty()) {
            return new DrainPlan(null, 0, 0, 0);
        }
        AssignmentPlanner.Plan plan = placement.place(roster, toPlace.stream()
                .map(entry -> new AssignmentPlanner.DealToPlace(entry.getDealId(), strategies.get(entry.getDealId()), null))
                .toList());
        Map<Long, QueuedDeal> byDeal = toPlace.stream()
                .collect(Collectors.toMap(QueuedDeal::getDealId, Function.identity()));
        List<DealMoves.Move> toWrite = new ArrayList<>();
        List<AssignmentLog.Decision> decisions = new ArrayList<>();
        for (AssignmentPlanner.Placement placed : plan.placements()) {
            CrmDeal deal = current.get(placed.dealId());
            decisions.add(new AssignmentLog.Decision(now, placed.dealId(), AssignmentEntry.Kind.DEALT_FROM_QUEUE, null,
                    teamId, routes.get(placed.dealId()), placed.strategy(), placed.managerId(), deal.responsibleId(),
                    placed.skipped(), "waited since " + byDeal.get(placed.dealId()).getEnqueuedAt()));
            if (deal.responsibleId() == placed.managerId()) {
                assigned(byDeal.get(placed.dealId()), now);
            } else {
                toWrite.add(new DealMoves.Move(placed.dealId(), deal.responsibleId(), placed.managerId()));
            }
        }
        DealMoves.RecordedRun run = toWrite.isEmpty() ? null : moves.record(DealMoves.RunKind.DRAIN, teamId, toWrite, now);
        if (run != null) {
            toWrite.forEach(move -> byDeal.get(move.dealId()).planned(run.runId(), move.toId()));
        }
        assignments.record(decisions.stream().map(d -> run == null ? d : withRun(d, run.runId())).toList());
        log.info("Queue of team {}: {} deals dealt out{}, {} still wait", teamId, plan.placements().size(),
                run == null ? "" : " in run " + run.runId(), plan.queued().size());
        return new DrainPlan(run == null ? null : run.runId(), run == null ? 0 : run.batchCount(),
                plan.placements().size(), plan.queued().size());
    }

    /** After a drain's batches: dealt-out deals leave the queue; one whose manager left meanwhile waits again. */
    @Transactional
    public void settleDrain(String runId) {
        Map<Long, DealMoves.Outcome> outcomes = moves.complete(runId);
        Instant now = clock.instant();
        boolean waitAgain = false;
        Long teamId = null;
        for (QueuedDeal entry : queue.findByRunId(runId)) {
            DealMoves.Outcome outcome = outcomes.get(entry.getDealId());
            teamId = entry.getTeamId();
            if (outcome == null || entry.getStatus() != QueuedDeal.Status.PLANNED) {
                continue;
            }
            switch (outcome.status()) {
                case WRITTEN -> assigned(entry, now);
                case WAITING -> {
                    entry.waitAgain(outcome.note());
                    waitAgain = true;
                }
                case SKIPPED, REJECTED -> leave(entry, outcome.note(), now);
            }
        }
        if (waitAgain) {
            signals.drainRequested(teamId, false);
        }
    }

    /** The deal stopped waiting without ShiftRelay: closed, given to somebody by a person, deleted. */
    @Transactional
    public Optional<Long> leave(long dealId, String why) {
        Optional<QueuedDeal> entry = queue.findFirstByDealIdAndStatusInOrderByIdDesc(dealId,
                List.of(QueuedDeal.Status.WAITING));
        entry.ifPresent(waiting -> leave(waiting, why, clock.instant()));
        return entry.map(QueuedDeal::getTeamId);
    }

    private void assigned(QueuedDeal entry, Instant now) {
        entry.assigned(now);
        signals.dealLeftQueue(entry.getId());
    }

    private void leave(QueuedDeal entry, String why, Instant now) {
        entry.left(why, now);
        assignments.record(new AssignmentLog.Decision(now, entry.getDealId(), AssignmentEntry.Kind.LEFT_QUEUE, null,
                entry.getTeamId(), null, null, null, null, List.of(), why));
        signals.dealLeftQueue(entry.getId());
        log.info("Deal {} left the queue of team {}: {}", entry.getDealId(), entry.getTeamId(), why);
    }

    private static AssignmentLog.Decision withRun(AssignmentLog.Decision d, String runId) {
        return new AssignmentLog.Decision(d.at(), d.dealId(), d.kind(), runId, d.teamId(), d.route(), d.strategy(),
                d.managerId(), d.fromManagerId(), d.skipped(), d.note());
    }
}

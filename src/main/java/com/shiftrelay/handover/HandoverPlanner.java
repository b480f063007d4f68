package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Decides who takes which deal of a manager who went OFFLINE. Pure: no I/O, no clock.
 *
 * <p>Each deal, in id order, goes to the colleague with the fewest open deals at that moment, counting
 * what this plan already gave; ties go to the lower manager id. Closed, pinned and uncovered deals stay.
 */
public final class HandoverPlanner {

    /** A colleague who is ONLINE, with the open deals they hold now. */
    public record Candidate(long managerId, int openDeals) {
    }

    /** The moves, or, with nobody to take them, the deals that wait; {@code kept} are never moved. */
    public record Plan(List<PlannedMove> moves, List<Long> waiting, List<Long> kept) {
        public boolean isWaiting() {
            return !waiting.isEmpty();
        }
    }

    private HandoverPlanner() {
    }

    public static Plan plan(long managerId, List<CrmDeal> deals, List<Candidate> candidates, PlanningRules rules) {
        List<CrmDeal> movable = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        deals.stream().sorted(Comparator.comparingLong(CrmDeal::id)).forEach(deal -> {
            boolean mine = deal.responsibleId() == managerId;
            if (mine && !deal.closed() && !rules.pinned(deal) && rules.covers(deal)) {
                movable.add(deal);
            } else if (mine) {
                kept.add(deal.id());
            }
        });
        List<Candidate> takers = candidates.stream().filter(c -> c.managerId() != managerId).toList();
        if (takers.isEmpty()) {
            return new Plan(List.of(), movable.stream().map(CrmDeal::id).toList(), kept);
        }
        return new Plan(spread(managerId, movable.stream().map(CrmDeal::id).toList(), takers), List.of(), kept);
    }

    /**
     * Gives each deal, in the order given, to the candidate with the fewest deals at that moment, counting
     * what this call already gave; ties go to the lower manager id. Also used when a planned colleague has
     * left by the time a batch is written: the deals meant for them are spread again among those still there.
     */
    public static List<PlannedMove> spread(long fromId, List<Long> dealIds, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("Nobody to spread " + dealIds.size() + " deals to");
        }
        PriorityQueue<long[]> loads = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(load -> load[1]).thenComparingLong(load -> load[0]));
        candidates.forEach(c -> loads.add(new long[] {c.managerId(), c.openDeals()}));
        List<PlannedMove> moves = new ArrayList<>(dealIds.size());
        for (long dealId : dealIds) {
            long[] least = loads.poll();
            moves.add(new PlannedMove(dealId, fromId, least[0]));
            least[1]++;
            loads.add(least);
        }
        return moves;
    }
}

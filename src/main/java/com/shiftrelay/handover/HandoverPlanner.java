package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Decides which deals of a manager who went OFFLINE may move, and how a redirect spreads deals again. Pure: no I/O,
 * no clock; the routing rules come in as a function.
 *
 * <p>A deal stays when it is closed, in a pipeline the installation does not cover, matched by no routing rule,
 * pinned (by the CRM's checkbox or by its rule), or routed by a rule that says its deals are not handed over. Who
 * takes the rest is the strategy's business ({@code AssignmentPlanner}).
 */
public final class HandoverPlanner {

    /** A colleague with the deals they hold now, for {@link #spread}. */
    public record Candidate(long managerId, int openDeals) {
    }

    /** A deal that may move, with the rule that routes it. */
    public record Movable(CrmDeal deal, Route route) {
    }

    /** An open deal that stays with its manager, and why, in words an admin reads. */
    public record Kept(CrmDeal deal, Route route, String why) {
    }

    /** The manager's open deals split into those that move and those that stay, each in id order. */
    public record Selection(List<Movable> movable, List<Kept> kept) {
    }

    private HandoverPlanner() {
    }

    public static Selection select(long managerId, List<CrmDeal> deals, Function<CrmDeal, Route> routing,
                                   PlanningRules rules) {
        List<Movable> movable = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        deals.stream().sorted(Comparator.comparingLong(CrmDeal::id))
                .filter(deal -> deal.responsibleId() == managerId && !deal.closed())
                .forEach(deal -> {
                    if (!rules.covers(deal)) {
                        kept.add(new Kept(deal, null, "its pipeline " + deal.pipelineId()
                                + " is not among shiftrelay.crm.pipelines"));
                        return;
                    }
                    Route route = routing.apply(deal);
                    String why = !route.matched() ? "no routing rule matches it"
                            : route.teamId() == null ? "its rule names no team and its manager is in none"
                            : rules.pinned(deal) ? "it is pinned to its manager (the CRM's checkbox)"
                            : route.pinned() ? "its rule pins it to its manager"
                            : !route.handover() ? "its rule says its deals are not handed over" : null;
                    if (why == null) {
                        movable.add(new Movable(deal, route));
                    } else {
                        kept.add(new Kept(deal, route, why));
                    }
                });
        return new Selection(movable, kept);
    }

    /**
     * Gives each deal, in the order given, to the candidate with the fewest deals at that moment, counting
     * what this call already gave; ties go to the lower manager id. Used when a planned colleague has left by the
     * time a batch is written: the deals meant for them are spread again among those still there.
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

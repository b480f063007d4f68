package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.distribution.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides which deals go back to a manager who is ONLINE again. Pure: no I/O, no clock; the routing rules come in as
 * a function.
 *
 * <p>A deal goes back when a hand-over took it from this owner, it is still open, still with the colleague who
 * received it (nobody reassigned it by hand since), not pinned there, and its routing rule lets deals return.
 */
public final class ReturnPlanner {

    /** A deal the ledger says was handed from the owner to {@code holderId}. */
    public record Outstanding(long dealId, long holderId) {
    }

    /** A handed-over deal that does not come back although it could, and why: an admin should know. */
    public record Kept(long dealId, long holderId, Route route, String why) {
    }

    public record Plan(List<PlannedMove> moves, List<Kept> kept) {
    }

    private ReturnPlanner() {
    }

    public static Plan plan(long ownerId, List<Outstanding> outstanding, Map<Long, CrmDeal> current,
                            PlanningRules rules, Function<CrmDeal, Route> routing) {
        List<PlannedMove> moves = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (Outstanding entry : outstanding) {
            CrmDeal deal = current.get(entry.dealId());
            if (deal == null || deal.closed() || deal.responsibleId() != entry.holderId() || rules.pinned(deal)) {
                continue;
            }
            Route route = routing.apply(deal);
            String why = !route.matched() ? "no routing rule matches it any more"
                    : route.pinned() ? "its rule pins it to the colleague who holds it"
                    : !route.returnToOwner() ? "its rule says its deals stay with the colleague who took them" : null;
            if (why == null) {
                moves.add(new PlannedMove(deal.id(), entry.holderId(), ownerId));
            } else {
                kept.add(new Kept(deal.id(), entry.holderId(), route, why));
            }
        }
        return new Plan(moves, kept);
    }
}

package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which deals go back to a manager who is ONLINE again. Pure: no I/O, no clock.
 *
 * <p>A deal goes back when a hand-over took it from this owner, it is still open, still with the
 * colleague who received it (nobody reassigned it by hand since) and not pinned there.
 */
public final class ReturnPlanner {

    /** A deal the ledger says was handed from the owner to {@code holderId}. */
    public record Outstanding(long dealId, long holderId) {
    }

    private ReturnPlanner() {
    }

    public static List<PlannedMove> plan(long ownerId, List<Outstanding> outstanding, Map<Long, CrmDeal> current,
                                         PlanningRules rules) {
        List<PlannedMove> moves = new ArrayList<>();
        for (Outstanding entry : outstanding) {
            CrmDeal deal = current.get(entry.dealId());
            if (deal != null && !deal.closed() && deal.responsibleId() == entry.holderId() && !rules.pinned(deal)) {
                moves.add(new PlannedMove(deal.id(), entry.holderId(), ownerId));
            }
        }
        return moves;
    }
}

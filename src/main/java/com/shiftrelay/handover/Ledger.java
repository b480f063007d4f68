package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmProperties;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.springframework.stereotype.Component;

/** Writes a plan into the ledger, cut into batches the CRM takes in one request. */
@Component
class Ledger {

    private final Handovers handovers;
    private final HandoverMoves moves;
    private final CrmProperties crmProperties;

    Ledger(Handovers handovers, HandoverMoves moves, CrmProperties crmProperties) {
        this.handovers = handovers;
        this.moves = moves;
        this.crmProperties = crmProperties;
    }

    PlanningRules rules() {
        return new PlanningRules(crmProperties.pinnedFieldId(), new HashSet<>(crmProperties.pipelines()));
    }

    /** Earlier runs for this manager that still wait are replaced by the new one. */
    void supersedeWaiting(long managerId, Instant now) {
        handovers.findByManagerIdAndStatus(managerId, Handover.Status.WAITING).forEach(h -> h.supersede(now));
    }

    PlanOutcome record(Handover handover, List<PlannedMove> planned, LongUnaryOperator ownerOf, Instant now) {
        int batches = (planned.size() + CrmGateway.MAX_BATCH - 1) / CrmGateway.MAX_BATCH;
        handover.planned(batches);
        // The run's row goes in first: its moves refer to it and are inserted at once.
        handovers.saveAndFlush(handover);
        for (int i = 0; i < planned.size(); i++) {
            PlannedMove move = planned.get(i);
            moves.save(new HandoverMove(handover.getId(), move.dealId(), ownerOf.applyAsLong(move.dealId()),
                    move.fromId(), move.toId(), i / CrmGateway.MAX_BATCH, HandoverMove.Status.PLANNED, now));
        }
        return new PlanOutcome(handover.getId(), PlanOutcome.Outcome.PLANNED, batches, planned.size());
    }

    PlanOutcome recordWaiting(Handover handover, List<Long> dealIds, LongUnaryOperator ownerOf, Instant now) {
        handover.waiting();
        handovers.saveAndFlush(handover);
        for (Long dealId : dealIds) {
            moves.save(new HandoverMove(handover.getId(), dealId, ownerOf.applyAsLong(dealId),
                    handover.getManagerId(), null, 0, HandoverMove.Status.WAITING, now));
        }
        return new PlanOutcome(handover.getId(), PlanOutcome.Outcome.WAITING, 0, dealIds.size());
    }
}

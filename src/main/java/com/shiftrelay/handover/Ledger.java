package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmProperties;
import java.time.Instant;
import java.util.HashSet;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.presence.UnknownManagerException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.LongUnaryOperator;
import org.springframework.stereotype.Component;

/** Writes a plan into the ledger, cut into batches the CRM takes in one request. */
@Component
class Ledger {

    private final Handovers handovers;
    private final HandoverMoves moves;
    private final Managers managers;
    private final Teams teams;
    private final CrmProperties crmProperties;

    Ledger(Handovers handovers, HandoverMoves moves, Managers managers, Teams teams, CrmProperties crmProperties) {
        this.handovers = handovers;
        this.moves = moves;
        this.managers = managers;
        this.teams = teams;
        this.crmProperties = crmProperties;
    }

    /**
     * Starts a run for the manager: earlier runs of theirs that still wait are replaced (a new hand-over
     * plans afresh; a return means their deals no longer wait). Empty when the manager's team has this
     * kind of run switched off.
     */
    Optional<Manager> begin(long managerId, Predicate<Team> switchedOn, Instant now) {
        Manager manager = managers.findById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
        handovers.findByManagerIdAndStatus(managerId, Handover.Status.WAITING).forEach(h -> h.supersede(now));
        boolean on = manager.getTeamId() == null || teams.findById(manager.getTeamId()).map(switchedOn::test).orElse(true);
        return on ? Optional.of(manager) : Optional.empty();
    }

    PlanningRules rules() {
        return new PlanningRules(crmProperties.pinnedFieldId(), new HashSet<>(crmProperties.pipelines()));
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

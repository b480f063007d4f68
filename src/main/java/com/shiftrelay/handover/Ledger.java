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
     * The manager a run is planned for, or empty when their team has this kind of run switched off. Reads
     * only: the CRM is asked next, and no row may be locked while it answers.
     */
    Optional<Manager> begin(long managerId, Predicate<Team> switchedOn) {
        Manager manager = managers.findById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
        boolean on = manager.getTeamId() == null || teams.findById(manager.getTeamId()).map(switchedOn::test).orElse(true);
        return on ? Optional.of(manager) : Optional.empty();
    }

    /**
     * Earlier runs of the manager that wait or were cut short (a presence signal interrupted them) are
     * replaced by the one being planned now: it plans afresh from the CRM, and their unwritten moves are
     * marked as never written.
     */
    void supersedeEarlier(long managerId, Instant now) {
        for (Handover.Status status : List.of(Handover.Status.WAITING, Handover.Status.PLANNED)) {
            for (Handover earlier : handovers.findByManagerIdAndStatus(managerId, status)) {
                earlier.supersede(now);
                moves.findByHandoverIdOrderByDealIdAsc(earlier.getId()).stream()
                        .filter(move -> move.getStatus() == HandoverMove.Status.PLANNED
                                || move.getStatus() == HandoverMove.Status.WAITING)
                        .forEach(move -> move.skip("replaced by a later run before it was written"));
            }
        }
    }

    PlanningRules rules() {
        return new PlanningRules(crmProperties.pinnedFieldId(), new HashSet<>(crmProperties.pipelines()));
    }

    PlanOutcome record(Handover handover, List<PlannedMove> planned, LongUnaryOperator ownerOf, Instant now) {
        return record(handover, planned, List.of(), ownerOf, now);
    }

    /**
     * A run with moves to write and, where nobody eligible could take some deals (everybody at the cap, say), deals
     * that wait with their manager: the run ends WAITING once its batches are written.
     */
    PlanOutcome record(Handover handover, List<PlannedMove> planned, List<Long> waiting, LongUnaryOperator ownerOf,
                       Instant now) {
        int batches = (planned.size() + CrmGateway.MAX_BATCH - 1) / CrmGateway.MAX_BATCH;
        handover.planned(batches);
        // The run's row goes in first: its moves refer to it and are inserted at once.
        handovers.saveAndFlush(handover);
        for (int i = 0; i < planned.size(); i++) {
            PlannedMove move = planned.get(i);
            HandoverMove row = new HandoverMove(handover.getId(), move.dealId(), ownerOf.applyAsLong(move.dealId()),
                    move.fromId(), move.toId(), i / CrmGateway.MAX_BATCH, HandoverMove.Status.PLANNED, now);
            // Planning has just read the deal from the CRM: that is its first check.
            row.checked(now);
            moves.save(row);
        }
        for (Long dealId : waiting) {
            moves.save(new HandoverMove(handover.getId(), dealId, ownerOf.applyAsLong(dealId),
                    handover.getManagerId(), null, 0, HandoverMove.Status.WAITING, now));
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

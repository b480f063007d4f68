package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.presence.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans the hand-over of an OFFLINE manager's open deals to ONLINE colleagues of the same team. */
@Service
public class DealHandovers {

    private static final Logger log = LoggerFactory.getLogger(DealHandovers.class);

    private final CrmGateway crm;
    private final Managers managers;
    private final HandoverMoves moves;
    private final Ledger ledger;
    private final Clock clock;

    DealHandovers(CrmGateway crm, Managers managers, HandoverMoves moves, Ledger ledger, Clock clock) {
        this.crm = crm;
        this.managers = managers;
        this.moves = moves;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public PlanOutcome plan(long managerId) {
        Instant now = clock.instant();
        Optional<Manager> found = ledger.begin(managerId, Team::isHandoverEnabled);
        if (found.isEmpty()) {
            ledger.supersedeEarlier(managerId, now);
            return PlanOutcome.of(PlanOutcome.Outcome.SWITCHED_OFF);
        }
        Manager manager = found.get();
        PlanningRules rules = ledger.rules();
        List<CrmDeal> deals = crm.dealsOf(List.of(managerId), rules.pipelines());
        HandoverPlanner.Plan plan = HandoverPlanner.plan(managerId, deals, candidates(manager, rules), rules);
        ledger.supersedeEarlier(managerId, now);
        if (plan.moves().isEmpty() && !plan.isWaiting()) {
            return PlanOutcome.of(PlanOutcome.Outcome.NOTHING_TO_MOVE);
        }
        List<Long> dealIds = plan.isWaiting() ? plan.waiting() : plan.moves().stream().map(PlannedMove::dealId).toList();
        Map<Long, Long> owners = ownersOf(dealIds, managerId);
        Handover handover = new Handover(Handover.Kind.HANDOVER, managerId, manager.getTeamId(), now);
        PlanOutcome outcome = plan.isWaiting()
                ? ledger.recordWaiting(handover, plan.waiting(), owners::get, now)
                : ledger.record(handover, plan.moves(), owners::get, now);
        log.info("Hand-over {} of manager {}: {} deals {}, {} kept", outcome.handoverId(), managerId,
                outcome.dealCount(), plan.isWaiting() ? "wait for a colleague" : "planned in " + outcome.batchCount()
                        + " batches", plan.kept().size());
        return outcome;
    }

    private List<HandoverPlanner.Candidate> candidates(Manager manager, PlanningRules rules) {
        if (manager.getTeamId() == null) {
            return List.of();
        }
        List<Long> online = managers.findByTeamIdAndStateAndActiveTrue(manager.getTeamId(), PresenceState.ONLINE)
                .stream().map(Manager::getId).filter(id -> !id.equals(manager.getId())).toList();
        if (online.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> load = crm.dealsOf(online, rules.pipelines()).stream()
                .filter(deal -> !deal.closed())
                .collect(Collectors.groupingBy(CrmDeal::responsibleId, Collectors.counting()));
        return online.stream()
                .map(id -> new HandoverPlanner.Candidate(id, load.getOrDefault(id, 0L).intValue()))
                .toList();
    }

    /** A deal that an earlier hand-over gave this manager still belongs to its original owner. */
    private Map<Long, Long> ownersOf(List<Long> dealIds, long managerId) {
        Map<Long, Long> owners = dealIds.stream().collect(Collectors.toMap(Function.identity(), id -> managerId));
        if (!dealIds.isEmpty()) {
            moves.findLatestWritten(dealIds).stream()
                    .filter(move -> move.getToId() != null && move.getToId() == managerId)
                    .forEach(move -> owners.put(move.getDealId(), move.getOwnerId()));
        }
        return owners;
    }
}

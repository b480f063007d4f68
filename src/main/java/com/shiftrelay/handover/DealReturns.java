package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.distribution.AssignmentEntry;
import com.shiftrelay.distribution.AssignmentLog;
import com.shiftrelay.distribution.DealRouting;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans giving a returning manager back the deals that hand-overs took from them. */
@Service
public class DealReturns {

    private static final Logger log = LoggerFactory.getLogger(DealReturns.class);

    private final CrmGateway crm;
    private final HandoverMoves moves;
    private final Ledger ledger;
    private final DealRouting routing;
    private final AssignmentLog assignments;
    private final Clock clock;

    DealReturns(CrmGateway crm, HandoverMoves moves, Ledger ledger, DealRouting routing, AssignmentLog assignments,
                Clock clock) {
        this.crm = crm;
        this.moves = moves;
        this.ledger = ledger;
        this.routing = routing;
        this.assignments = assignments;
        this.clock = clock;
    }

    @Transactional
    public PlanOutcome plan(long managerId) {
        Instant now = clock.instant();
        Optional<Manager> manager = ledger.begin(managerId, Team::isReturnEnabled);
        if (manager.isEmpty()) {
            ledger.supersedeEarlier(managerId, now);
            return PlanOutcome.of(PlanOutcome.Outcome.SWITCHED_OFF);
        }
        List<ReturnPlanner.Outstanding> outstanding = moves.findOutstandingFor(managerId).stream()
                .map(move -> new ReturnPlanner.Outstanding(move.getDealId(), move.getToId()))
                .toList();
        if (outstanding.isEmpty()) {
            ledger.supersedeEarlier(managerId, now);
            return PlanOutcome.of(PlanOutcome.Outcome.NOTHING_TO_MOVE);
        }
        Map<Long, CrmDeal> current = crm.deals(outstanding.stream().map(ReturnPlanner.Outstanding::dealId).toList())
                .stream().collect(Collectors.toMap(CrmDeal::id, Function.identity()));
        DealRouting.RoutingTable table = routing.current();
        ReturnPlanner.Plan plan = ReturnPlanner.plan(managerId, outstanding, current, ledger.rules(), table::route);
        List<PlannedMove> planned = plan.moves();
        ledger.supersedeEarlier(managerId, now);
        List<AssignmentLog.Decision> decisions = new ArrayList<>(plan.kept().stream()
                .map(kept -> new AssignmentLog.Decision(now, kept.dealId(), AssignmentEntry.Kind.LEFT_ALONE, null,
                        kept.route().teamId(), kept.route(), null, kept.holderId(), kept.holderId(), List.of(),
                        kept.why() + "; it does not come back to " + managerId))
                .toList());
        if (planned.isEmpty()) {
            assignments.record(decisions);
            return PlanOutcome.of(PlanOutcome.Outcome.NOTHING_TO_MOVE);
        }
        Handover handover = new Handover(Handover.Kind.RETURN, managerId, manager.get().getTeamId(), now);
        PlanOutcome outcome = ledger.record(handover, planned, dealId -> managerId, now);
        planned.forEach(move -> decisions.add(new AssignmentLog.Decision(now, move.dealId(),
                AssignmentEntry.Kind.RETURNED, outcome.handoverId(), manager.get().getTeamId(),
                table.route(current.get(move.dealId())), null, managerId, move.fromId(), List.of(),
                "back to its owner")));
        assignments.record(decisions);
        log.info("Return {} to manager {}: {} of {} deals handed over come back", outcome.handoverId(), managerId,
                planned.size(), outstanding.size());
        return outcome;
    }

}

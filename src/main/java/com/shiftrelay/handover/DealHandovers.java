package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.distribution.AssignmentEntry;
import com.shiftrelay.distribution.AssignmentLog;
import com.shiftrelay.distribution.AssignmentPlanner;
import com.shiftrelay.distribution.DealPlacement;
import com.shiftrelay.distribution.DealRouting;
import com.shiftrelay.distribution.Route;
import com.shiftrelay.distribution.RoutingRuleException;
import com.shiftrelay.distribution.Strategy;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans the hand-over of an OFFLINE manager's open deals. Each deal is routed by the rules (DealRouting.dmn): the
 * team its rule names takes it, by the rule's strategy, among that team's ONLINE managers below the cap; what no
 * colleague can take waits with its manager. Every deal's fate goes into the assignment log.
 */
@Service
public class DealHandovers {

    private static final Logger log = LoggerFactory.getLogger(DealHandovers.class);

    private final CrmGateway crm;
    private final HandoverMoves moves;
    private final Ledger ledger;
    private final DealRouting routing;
    private final DealPlacement placement;
    private final AssignmentLog assignments;
    private final Teams teams;
    private final Clock clock;

    DealHandovers(CrmGateway crm, HandoverMoves moves, Ledger ledger, DealRouting routing, DealPlacement placement,
                  AssignmentLog assignments, Teams teams, Clock clock) {
        this.crm = crm;
        this.moves = moves;
        this.ledger = ledger;
        this.routing = routing;
        this.placement = placement;
        this.assignments = assignments;
        this.teams = teams;
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
        DealRouting.RoutingTable table = routing.current();
        HandoverPlanner.Selection selection = HandoverPlanner.select(managerId, deals,
                deal -> settleTeam(table.route(deal), manager), rules);
        Map<Long, List<HandoverPlanner.Movable>> byTeam = selection.movable().stream()
                .collect(Collectors.groupingBy(m -> m.route().teamId(), LinkedHashMap::new, Collectors.toList()));
        byTeam.values().forEach(this::requireTeam);
        // Every CRM read (what the colleagues hold) happens before planning locks the teams' rows.
        Map<Long, DealPlacement.Roster> rosters = new LinkedHashMap<>();
        byTeam.forEach((team, group) -> rosters.put(team, placement.roster(team, placement.needsLoads(team,
                group.stream().map(m -> placement.strategyFor(m.route())).toList()))));
        ledger.supersedeEarlier(managerId, now);
        List<AssignmentLog.Decision> decisions = new ArrayList<>();
        selection.kept().forEach(kept -> decisions.add(leftAlone(now, managerId, kept.deal().id(), kept.route(),
                List.of(), kept.why())));
        List<PlannedMove> planned = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        byTeam.forEach((team, group) -> place(managerId, team, group, rosters.get(team), now, planned, waiting,
                decisions));
        if (planned.isEmpty() && waiting.isEmpty()) {
            assignments.record(decisions);
            return PlanOutcome.of(PlanOutcome.Outcome.NOTHING_TO_MOVE);
        }
        List<Long> dealIds = new ArrayList<>(planned.stream().map(PlannedMove::dealId).toList());
        dealIds.addAll(waiting);
        Map<Long, Long> owners = ownersOf(dealIds, managerId);
        Handover handover = new Handover(Handover.Kind.HANDOVER, managerId, manager.getTeamId(), now);
        PlanOutcome outcome = planned.isEmpty()
                ? ledger.recordWaiting(handover, waiting, owners::get, now)
                : ledger.record(handover, planned, waiting, owners::get, now);
        assignments.record(decisions.stream().map(d -> d.kind() == AssignmentEntry.Kind.HANDED_OVER
                ? new AssignmentLog.Decision(d.at(), d.dealId(), d.kind(), outcome.handoverId(), d.teamId(), d.route(),
                        d.strategy(), d.managerId(), d.fromManagerId(), d.skipped(), d.note()) : d).toList());
        log.info("Hand-over {} of manager {}: {} deals planned in {} batches, {} wait for a colleague, {} stay",
                outcome.handoverId(), managerId, planned.size(), outcome.batchCount(), waiting.size(),
                selection.kept().size());
        return outcome;
    }

    private void place(long managerId, long team, List<HandoverPlanner.Movable> group, DealPlacement.Roster roster,
                       Instant now, List<PlannedMove> planned, List<Long> waiting,
                       List<AssignmentLog.Decision> decisions) {
        Map<Long, Route> routes = group.stream().collect(Collectors.toMap(m -> m.deal().id(), HandoverPlanner.Movable::route));
        AssignmentPlanner.Plan plan = placement.place(roster, group.stream()
                .map(m -> new AssignmentPlanner.DealToPlace(m.deal().id(), placement.strategyFor(m.route()), managerId))
                .toList());
        for (AssignmentPlanner.Placement placed : plan.placements()) {
            planned.add(new PlannedMove(placed.dealId(), managerId, placed.managerId()));
            decisions.add(new AssignmentLog.Decision(now, placed.dealId(), AssignmentEntry.Kind.HANDED_OVER, null, team,
                    routes.get(placed.dealId()), placed.strategy(), placed.managerId(), managerId, placed.skipped(),
                    null));
        }
        for (AssignmentPlanner.Queued queued : plan.queued()) {
            waiting.add(queued.dealId());
            decisions.add(leftAlone(now, managerId, queued.dealId(), routes.get(queued.dealId()), queued.skipped(),
                    "nobody of team " + team + " can take it now; it waits with its manager until a colleague of the"
                            + " team comes ONLINE"));
        }
    }

    /** A rule with no team means the manager's own; a manager in no team leaves such a deal nowhere to go. */
    private static Route settleTeam(Route route, Manager manager) {
        return route.teamId() != null || !route.matched() ? route : route.withTeam(manager.getTeamId());
    }

    private void requireTeam(List<HandoverPlanner.Movable> group) {
        HandoverPlanner.Movable first = group.get(0);
        if (!teams.existsById(first.route().teamId())) {
            throw new RoutingRuleException(first.route().ruleId(), first.deal().id(),
                    "team " + first.route().teamId() + " does not exist (see /api/teams)");
        }
    }

    private static AssignmentLog.Decision leftAlone(Instant now, long managerId, long dealId, Route route,
                                                    List<AssignmentPlanner.Skip> skipped, String why) {
        Strategy strategy = route == null ? null : route.strategy();
        return new AssignmentLog.Decision(now, dealId, AssignmentEntry.Kind.LEFT_ALONE, null,
                route == null ? null : route.teamId(), route, strategy, managerId, managerId, skipped, why);
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

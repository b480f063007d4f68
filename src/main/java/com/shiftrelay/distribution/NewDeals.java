package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.presence.Teams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal the CRM reported as new, or whose stage changed: routed by the rules to a team and given to one of its
 * managers by the rule's strategy, or queued when nobody eligible is there. The deal is read from the CRM first, so
 * what is routed is the deal as it is now, not as the webhook described it.
 */
@Service
public class NewDeals {

    private static final Logger log = LoggerFactory.getLogger(NewDeals.class);

    private final DealPlacement placement;
    private final DealRouting routing;
    private final WaitingQueue queue;
    private final DealMoves moves;
    private final AssignmentLog assignments;
    private final TeamDistributions settings;
    private final DistributionSignals signals;
    private final Managers managers;
    private final Teams teams;
    private final DealSnapshots snapshots;
    private final DealChanges changes;
    private final Clock clock;

    NewDeals(DealPlacement placement, DealRouting routing, WaitingQueue queue, DealMoves moves,
             AssignmentLog assignments, TeamDistributions settings, DistributionSignals signals, Managers managers,
             Teams teams, DealSnapshots snapshots, DealChanges changes, Clock clock) {
        this.placement = placement;
        this.routing = routing;
        this.queue = queue;
        this.moves = moves;
        this.assignments = assignments;
        this.settings = settings;
        this.signals = signals;
        this.managers = managers;
        this.teams = teams;
        this.snapshots = snapshots;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * What routing a deal came to. ASSIGNED: a run to write ({@code runId}, {@code batchCount}), or none when the
     * deal was with its manager already; QUEUED: it waits ({@code queueEntryId}), and after {@code waitLimit} the
     * {@code supervisorGroup} is asked to step in; LEFT_ALONE: no rule, or nothing to change.
     */
    public record Outcome(Kind kind, String runId, int batchCount, Long queueEntryId, Duration waitLimit,
                          String supervisorGroup) {

        public enum Kind { ASSIGNED, QUEUED, LEFT_ALONE }

        static Outcome leftAlone() {
            return new Outcome(Kind.LEFT_ALONE, null, 0, null, null, null);
        }

        static Outcome assigned(DealMoves.RecordedRun run) {
            return new Outcome(Kind.ASSIGNED, run == null ? null : run.runId(), run == null ? 0 : run.batchCount(),
                    null, null, null);
        }

        static Outcome queued(QueuedDeal entry, TeamDistribution team) {
            return new Outcome(Kind.QUEUED, null, 0, entry.getId(), team.queueWaitLimit(), team.supervisorGroup());
        }
    }

    @Transactional
    public Outcome route(long dealId, CrmDealChange.Kind change, long arrival) {
        // Locked before the deal is read: a second event of the deal reads it only after this one is told apart.
        Optional<DealSnapshot> before = snapshots.lockById(dealId);
        Instant now = clock.instant();
        CrmDeal deal = placement.dealsById(List.of(dealId)).get(dealId);
        if (deal == null) {
            return leftAlone(dealId, null, null, "the deal is no longer in the CRM", now);
        }
        DealSnapshot seen = before.orElseGet(() -> new DealSnapshot(deal, now));
        if (change == CrmDealChange.Kind.UPDATED) {
            Optional<CrmDealChange.Kind> meant = whatChanged(deal, before);
            seen.seen(deal, now);
            snapshots.save(seen);
            if (meant.isEmpty()) {
                return Outcome.leftAlone();
            }
            change = meant.get();
        } else {
            seen.seen(deal, now);
            snapshots.save(seen);
        }
        if (change == CrmDealChange.Kind.RESPONSIBLE_CHANGED) {
            return Outcome.leftAlone();
        }
        Route route = routing.current().route(deal);
        Optional<Manager> holder = managers.findById(deal.responsibleId());
        if (!route.matched()) {
            holder.map(Manager::getTeamId).ifPresent(team -> requestDrainIfWaiting(team));
            queue.leave(dealId, "no routing rule matches the deal any more");
            return leftAlone(dealId, route, null, "no routing rule matches (pipeline " + deal.pipelineId() + ", stage "
                    + deal.stage() + ")", now);
        }
        Long routedTeam = route.teamOr(holder.map(Manager::getTeamId).orElse(null));
        if (routedTeam == null) {
            return leftAlone(dealId, route, null, "its rule names no team, and " + deal.responsibleId()
                    + " who holds it is in none", now);
        }
        long teamId = routedTeam;
        route = route.withTeam(teamId);
        if (teams.findById(teamId).isEmpty()) {
            throw new RoutingRuleException(route.ruleId(), dealId, "team " + teamId + " does not exist (see /api/teams)");
        }
        if (change == CrmDealChange.Kind.STATUS_CHANGED
                && holder.map(m -> m.isActive() && Long.valueOf(teamId).equals(m.getTeamId())).orElse(false)) {
            return leftAlone(dealId, route, teamId, "its stage changed within the team that handles it; it stays with "
                    + deal.responsibleId(), now);
        }
        if (change == CrmDealChange.Kind.ADDED && deal.createdBy() == deal.responsibleId()
                && holder.map(m -> m.isActive() && m.getState() == PresenceState.ONLINE
                        && Long.valueOf(teamId).equals(m.getTeamId())).orElse(false)) {
            // A manager at work who opened a deal for a client of their own keeps it.
            return leftAlone(dealId, route, teamId, "created by " + deal.responsibleId() + ", who holds it and is at"
                    + " work", now);
        }
        Strategy strategy = placement.strategyFor(route);
        TeamDistribution team = settings.of(teamId);
        if (queue.hasWaiting(teamId)) {
            // First in, first out: a new deal does not overtake the ones already waiting for this team.
            Outcome queued = enqueue(deal, arrival, route, strategy, team, List.of(),
                    "deals of the team are waiting already", now);
            if (placement.anyoneAvailable(teamId)) {
                signals.drainRequested(teamId, false);
            }
            return queued;
        }
        DealPlacement.Roster roster = placement.roster(teamId, placement.needsLoads(teamId, List.of(strategy)));
        AssignmentPlanner.Plan plan = placement.place(roster,
                List.of(new AssignmentPlanner.DealToPlace(dealId, strategy, null)));
        if (plan.placements().isEmpty()) {
            return enqueue(deal, arrival, route, strategy, team, plan.queued().get(0).skipped(),
                    "nobody of the team can take it now", now);
        }
        AssignmentPlanner.Placement placed = plan.placements().get(0);
        DealMoves.RecordedRun run = placed.managerId() == deal.responsibleId() ? null
                : moves.record(DealMoves.RunKind.ASSIGNMENT, teamId,
                        List.of(new DealMoves.Move(dealId, deal.responsibleId(), placed.managerId())), now);
        assignments.record(new AssignmentLog.Decision(now, dealId, AssignmentEntry.Kind.ASSIGNED,
                run == null ? null : run.runId(), teamId, route, strategy, placed.managerId(), deal.responsibleId(),
                placed.skipped(), change == CrmDealChange.Kind.STATUS_CHANGED
                        ? "its stage moved it to this team" : run == null ? "it was with this manager already" : null));
        log.info("Deal {} goes to manager {} of team {} by rule {} ({})", dealId, placed.managerId(), teamId,
                route.ruleId(), strategy);
        return Outcome.assigned(run);
    }

    /**
     * What an update that named only the deal changed, told by the deal as read now against how ShiftRelay last saw it:
     * its responsible (against ShiftRelay's own last write of it, when that is newer), recorded as a person's
     * reassignment here; or its pipeline or stage, routed as a stage change; or nothing routing cares about. A deal
     * never seen before has nothing to compare with and is only noted.
     */
    private Optional<CrmDealChange.Kind> whatChanged(CrmDeal deal, Optional<DealSnapshot> before) {
        Optional<DealMoves.Written> written = moves.lastWritten(deal.id());
        Long knownResponsible = before.map(DealSnapshot::getResponsibleId).orElse(null);
        if (written.isPresent() && (before.isEmpty() || written.get().at().isAfter(before.get().getSeenAt()))) {
            knownResponsible = written.get().toId();
        }
        if (knownResponsible != null && knownResponsible != deal.responsibleId()) {
            changes.reassignedInCrm(deal.id(), deal.responsibleId(), knownResponsible, null);
            return Optional.of(CrmDealChange.Kind.RESPONSIBLE_CHANGED);
        }
        if (before.isPresent() && before.get().stageDiffers(deal)) {
            return Optional.of(CrmDealChange.Kind.STATUS_CHANGED);
        }
        log.debug("Deal {}: updated in the CRM, nothing routing acts on changed", deal.id());
        return Optional.empty();
    }

    /**
     * After the assignment was written: a manager who left before it was written means the deal waits in the queue
     * after all; a deal a person changed meanwhile is left alone (the ledger says why).
     */
    @Transactional
    public Outcome settle(String runId, long dealId, long arrival) {
        Instant now = clock.instant();
        DealMoves.Outcome outcome = moves.complete(runId).get(dealId);
        if (outcome == null || outcome.status() == DealMoves.Outcome.Status.WRITTEN) {
            return Outcome.assigned(null);
        }
        if (outcome.status() != DealMoves.Outcome.Status.WAITING) {
            return leftAlone(dealId, null, null, outcome.note(), now);
        }
        CrmDeal deal = placement.dealsById(List.of(dealId)).get(dealId);
        if (deal == null) {
            return leftAlone(dealId, null, null, "the deal is no longer in the CRM", now);
        }
        Route route = routing.current().route(deal);
        Long team = route.teamOr(managers.findById(deal.responsibleId()).map(Manager::getTeamId).orElse(null));
        if (!route.matched() || team == null) {
            return leftAlone(dealId, route, null, "no routing rule gives the deal a team any more", now);
        }
        route = route.withTeam(team);
        Outcome queued = enqueue(deal, arrival, route, placement.strategyFor(route), settings.of(route.teamId()),
                List.of(), outcome.note(), now);
        signals.drainRequested(route.teamId(), false);
        return queued;
    }

    private Outcome enqueue(CrmDeal deal, long arrival, Route route, Strategy strategy, TeamDistribution team,
                            List<AssignmentPlanner.Skip> skipped, String why, Instant now) {
        QueuedDeal entry = queue.enqueue(route.teamId(), deal, arrival, route, strategy, now);
        assignments.record(new AssignmentLog.Decision(now, deal.id(), AssignmentEntry.Kind.QUEUED, null,
                route.teamId(), route, strategy, null, deal.responsibleId(), skipped, why));
        log.info("Deal {} waits in the queue of team {}: {}", deal.id(), route.teamId(), why);
        return Outcome.queued(entry, team);
    }

    private Outcome leftAlone(long dealId, Route route, Long teamId, String why, Instant now) {
        assignments.record(new AssignmentLog.Decision(now, dealId, AssignmentEntry.Kind.LEFT_ALONE, null, teamId, route,
                null, null, null, List.of(), why));
        return Outcome.leftAlone();
    }

    private void requestDrainIfWaiting(long teamId) {
        if (queue.hasWaiting(teamId)) {
            signals.drainRequested(teamId, false);
        }
    }
}

package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places deals of one team with its managers by the strategies the rules chose: who of the team is there, what each
 * holds, their caps and shares, and the team's rotation. The CRM is read first, with no row locked; then the team's
 * row is locked while the plan is made and the rotation moved, so two placements of one team (on any node) never
 * decide on the same pointer or the same loads.
 */
@Service
public class DealPlacement {

    private final CrmGateway crm;
    private final Managers managers;
    private final Teams teams;
    private final TeamDistributions settings;
    private final ManagerDistributions managerSettings;
    private final TeamRotations rotations;
    private final DealMoves moves;
    private final Schedules schedules;
    private final Clock clock;

    DealPlacement(CrmGateway crm, Managers managers, Teams teams, TeamDistributions settings,
                  ManagerDistributions managerSettings, TeamRotations rotations, DealMoves moves, Schedules schedules,
                  Clock clock) {
        this.crm = crm;
        this.managers = managers;
        this.teams = teams;
        this.settings = settings;
        this.managerSettings = managerSettings;
        this.rotations = rotations;
        this.moves = moves;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The team's active managers and, when a strategy or a cap needs them, the open deals each holds in the CRM. */
    public record Roster(long teamId, List<Manager> managers, Map<Long, Set<Long>> openDeals, Set<Long> seen,
                         Instant readAt) {
    }

    /**
     * How far back a deal ShiftRelay gave a manager may lie and still be missing from what the CRM lists for them
     * (written, but not yet visible to a read that began meanwhile).
     */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    /** Reads who is in the team and, if {@code withLoads}, what they hold. Call before {@link #place}, with no lock held. */
    @Transactional(readOnly = true)
    public Roster roster(long teamId, boolean withLoads) {
        Instant readAt = clock.instant();
        List<Manager> members = managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId);
        Map<Long, Set<Long>> open = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        if (withLoads && !members.isEmpty()) {
            for (CrmDeal deal : crm.dealsOf(members.stream().map(Manager::getId).toList(), List.of())) {
                seen.add(deal.id());
                if (!deal.closed()) {
                    open.computeIfAbsent(deal.responsibleId(), id -> new HashSet<>()).add(deal.id());
                }
            }
        }
        return new Roster(teamId, members, open, seen, readAt);
    }

    /** Whether placing deals by these strategies in this team needs what each manager holds. */
    @Transactional(readOnly = true)
    public boolean needsLoads(long teamId, Collection<Strategy> strategies) {
        return strategies.contains(Strategy.LEAST_LOADED) || settings.of(teamId).getMaxOpenDeals() != null
                || managerSettings.findAllById(members(teamId)).stream().anyMatch(m -> m.getMaxOpenDeals() != null);
    }

    /**
     * Locks the team, plans the deals in the order given and moves the team's rotation. Runs inside the caller's
     * transaction, so the rotation moves only if what the caller records from the plan commits too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AssignmentPlanner.Plan place(Roster roster, List<AssignmentPlanner.DealToPlace> deals) {
        Team team = teams.lockById(roster.teamId())
                .orElseThrow(() -> new IllegalStateException("No team " + roster.teamId()));
        TeamDistribution teamSettings = settings.of(team.getId());
        Instant now = clock.instant();
        boolean overtime = schedules.overtimeAllowed(team.getId());
        Map<Long, ManagerDistribution> own = managerSettings.findAllById(
                        roster.managers().stream().map(Manager::getId).toList()).stream()
                .collect(Collectors.toMap(ManagerDistribution::getManagerId, Function.identity()));
        // What the CRM listed, and what ShiftRelay gave since that the CRM may not have shown yet: each deal once.
        Map<Long, Set<Long>> given = moves.givenTo(roster.managers().stream().map(Manager::getId).toList(),
                roster.readAt().minus(IN_FLIGHT));
        List<AssignmentPlanner.Member> members = roster.managers().stream().map(manager -> {
            ManagerDistribution mine = own.get(manager.getId());
            Integer cap = mine != null && mine.getMaxOpenDeals() != null ? mine.getMaxOpenDeals()
                    : teamSettings.getMaxOpenDeals();
            // A deal the read saw (open with them, closed, or with a colleague) counts as the read says.
            Set<Long> holds = new HashSet<>(roster.openDeals().getOrDefault(manager.getId(), Set.of()));
            given.getOrDefault(manager.getId(), Set.of()).stream().filter(deal -> !roster.seen().contains(deal))
                    .forEach(holds::add);
            return new AssignmentPlanner.Member(manager.getId(), availability(manager, now, overtime), holds.size(), cap,
                    mine == null ? ManagerDistribution.DEFAULT_WEIGHT : mine.weight());
        }).toList();
        TeamRotation rotation = rotations.findById(team.getId()).orElseGet(() -> new TeamRotation(team.getId()));
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(deals, members, rotation.rotation());
        rotation.moveTo(plan.rotation(), clock.instant());
        rotations.save(rotation);
        return plan;
    }

    /** Locks the team's row for the caller's transaction, as {@link #place} does; taking it twice is harmless. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockTeam(long teamId) {
        teams.lockById(teamId).orElseThrow(() -> new IllegalStateException("No team " + teamId));
    }

    /** Whether anybody of the team is ONLINE (and on shift, or allowed overtime), so that a drain could place a deal. */
    @Transactional(readOnly = true)
    public boolean anyoneAvailable(long teamId) {
        Instant now = clock.instant();
        boolean overtime = schedules.overtimeAllowed(teamId);
        return managers.findByTeamIdAndStateAndActiveTrue(teamId, PresenceState.ONLINE).stream()
                .anyMatch(m -> availability(m, now, overtime) == Availability.AVAILABLE);
    }

    /** Whether the manager can take work now: ONLINE, and on shift unless their team allows overtime. */
    @Transactional(readOnly = true)
    public boolean available(long managerId) {
        Instant now = clock.instant();
        return managers.findById(managerId).filter(Manager::isActive)
                .map(m -> availability(m, now, m.getTeamId() != null && schedules.overtimeAllowed(m.getTeamId()))
                        == Availability.AVAILABLE)
                .orElse(false);
    }

    /** The team's members who can take work now, in id order. */
    @Transactional(readOnly = true)
    public List<Long> availableMembers(long teamId) {
        Instant now = clock.instant();
        boolean overtime = schedules.overtimeAllowed(teamId);
        return managers.findByTeamIdAndStateAndActiveTrue(teamId, PresenceState.ONLINE).stream()
                .filter(m -> availability(m, now, overtime) == Availability.AVAILABLE)
                .map(Manager::getId).sorted().toList();
    }

    /** The strategy for a deal of this team: the rule's own, or the team's default. */
    @Transactional(readOnly = true)
    public Strategy strategyFor(Route route) {
        return route.strategyOr(settings.of(route.teamId()).defaultStrategy());
    }

    private List<Long> members(long teamId) {
        return managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId).stream().map(Manager::getId).toList();
    }

    /** ONLINE outside their shift counts only where the team allows overtime; a manager with no schedule is free. */
    private Availability availability(Manager manager, Instant now, boolean overtime) {
        return switch (manager.getState()) {
            case ONLINE -> overtime || schedules.onShift(manager.getId(), now) ? Availability.AVAILABLE
                    : Availability.OFF_SHIFT;
            case CONFIRMING -> Availability.CONFIRMING;
            case OFFLINE -> Availability.OFFLINE;
        };
    }

    /** Deals of the CRM by id, for callers that route what they read. */
    public Map<Long, CrmDeal> dealsById(Collection<Long> dealIds) {
        return crm.deals(dealIds).stream().collect(Collectors.toMap(CrmDeal::id, Function.identity(), (a, b) -> a));
    }
}

package com.shiftrelay.distribution;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceProperties;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.schedule.ScheduleChanges;
import com.shiftrelay.schedule.Schedules;
import com.shiftrelay.schedule.TeamScheduleChange;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.NotFoundException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers an admin changes per team: the presence check's interval and confirmation timeout, the hand-over and
 * return switches, its schedule settings (time zone, overtime, sweep times), and how its deals are dealt out (the cap, the default strategy, the queue's drain delay and wait limit, the
 * supervisors' group, each manager's share and own cap). Which team and strategy a deal gets is the routing rules'
 * business (processes/DealRouting.dmn), not this API's. A request with any bad field changes nothing.
 */
@RestController
@RequestMapping("/api/teams")
class TeamsController {

    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(30);
    private static final Duration SHORTEST_CONFIRMATION = Duration.ofSeconds(30);
    private static final Duration LONGEST_CONFIRMATION = Duration.ofHours(1);
    private static final String DEFAULT = "default";
    private static final Duration LONGEST_DRAIN_DELAY = Duration.ofHours(12);
    private static final Duration SHORTEST_WAIT_LIMIT = Duration.ofMinutes(1);
    /** Camunda's default rule for group ids. */
    private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9]+");
    private static final String NONE = "none";

    private final Teams teams;
    private final Managers managers;
    private final TeamDistributions distributions;
    private final ManagerDistributions managerDistributions;
    private final WaitingQueue queue;
    private final DistributionSignals signals;
    private final PresenceProperties presence;
    private final Schedules schedules;
    private final ScheduleChanges scheduleChanges;

    TeamsController(Teams teams, Managers managers, TeamDistributions distributions,
                    ManagerDistributions managerDistributions, WaitingQueue queue, DistributionSignals signals,
                    PresenceProperties presence, Schedules schedules, ScheduleChanges scheduleChanges) {
        this.teams = teams;
        this.managers = managers;
        this.distributions = distributions;
        this.managerDistributions = managerDistributions;
        this.queue = queue;
        this.signals = signals;
        this.presence = presence;
        this.schedules = schedules;
        this.scheduleChanges = scheduleChanges;
    }

    /** A manager of the team with their share of the weighted strategy and their own cap (null: the team's). */
    record MemberView(long managerId, String name, int weight, Integer maxOpenDeals) {
    }

    /** A team with its effective settings; {@code sweepTimes} HH:mm in {@code timeZone}, in the order of the day. */
    record TeamView(long id, String name, Duration inactivityInterval, Duration confirmationTimeout,
                    boolean handoverEnabled, boolean returnEnabled, String timeZone, boolean overtimeAllowed,
                    List<String> sweepTimes, Integer maxOpenDeals, Strategy defaultStrategy, Duration drainDelay, Duration queueWaitLimit,
                    String supervisorGroup, String workDayPause, List<MemberView> members) {
    }

    /**
     * New settings; a field left out (or null) stays as it is. {@code inactivityInterval}, {@code confirmationTimeout}
     * and {@code timeZone} "default" restore the default; {@code sweepTimes} [] removes the sweeps; {@code
     * maxOpenDeals} "none" removes the cap (for a member: back to the team's). {@code workDayPause}: what a paused work
     * day on the CRM's time clock means, "ignore" (a break) or "offline" (leaving), "default" the setting's default.
     */
    record TeamSettings(String inactivityInterval, String confirmationTimeout, Boolean handoverEnabled,
                        Boolean returnEnabled, String timeZone, Boolean overtimeAllowed, List<String> sweepTimes,
                        Object maxOpenDeals, String defaultStrategy, String drainDelay, String queueWaitLimit,
                        String supervisorGroup, List<MemberSettings> members, String workDayPause) {
    }

    /** One manager's share and own cap. */
    record MemberSettings(Long managerId, Integer weight, Object maxOpenDeals) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<TeamView> list() {
        return teams.findAll().stream().map(this::view).toList();
    }

    /** Administrators only: the rule is in the API's security configuration. */
    @PutMapping("/{id}/settings")
    @Transactional
    public TeamView update(@PathVariable long id, @RequestBody TeamSettings settings) {
        Team team = teams.findById(id).orElseThrow(() -> new NotFoundException("No team " + id));
        // Everything is read and checked first, so that a bad field changes nothing.
        Duration interval = settings.inactivityInterval() == null ? null : interval(settings.inactivityInterval());
        Duration confirmation = settings.confirmationTimeout() == null || DEFAULT.equals(settings.confirmationTimeout())
                ? null : duration("confirmationTimeout", settings.confirmationTimeout(), SHORTEST_CONFIRMATION,
                LONGEST_CONFIRMATION);
        TeamScheduleChange schedule = TeamScheduleChange.parse(settings.timeZone(), settings.overtimeAllowed(),
                settings.sweepTimes());
        Cap cap = cap("maxOpenDeals", settings.maxOpenDeals());
        Strategy strategy = settings.defaultStrategy() == null ? null : strategy(settings.defaultStrategy());
        Duration drainDelay = settings.drainDelay() == null ? null
                : duration("drainDelay", settings.drainDelay(), Duration.ZERO, LONGEST_DRAIN_DELAY);
        Duration waitLimit = settings.queueWaitLimit() == null ? null
                : duration("queueWaitLimit", settings.queueWaitLimit(), SHORTEST_WAIT_LIMIT, Duration.ofDays(7));
        if (settings.supervisorGroup() != null && !GROUP_ID.matcher(settings.supervisorGroup()).matches()) {
            throw new InvalidFieldException("supervisorGroup", "'supervisorGroup' must be a Camunda group id (letters "
                    + "and digits)");
        }
        Map<Long, MemberChange> members = members(team, settings.members());
        PresenceProperties.WorkDayPause pause = workDayPause(settings.workDayPause());

        if (interval != null || DEFAULT.equals(settings.inactivityInterval())) {
            team.setInactivityInterval(interval);
        }
        if (settings.confirmationTimeout() != null) {
            team.setConfirmationTimeout(confirmation);
        }
        scheduleChanges.changeTeam(id, schedule);
        if (settings.handoverEnabled() != null) {
            team.setHandoverEnabled(settings.handoverEnabled());
        }
        if (settings.workDayPause() != null) {
            team.setWorkDayPause(pause);
        }
        if (settings.returnEnabled() != null) {
            team.setReturnEnabled(settings.returnEnabled());
        }
        TeamDistribution distribution = distributions.of(id);
        if (cap != null) {
            distribution.setMaxOpenDeals(cap.value());
        }
        if (strategy != null) {
            distribution.setDefaultStrategy(strategy);
        }
        if (drainDelay != null) {
            distribution.setDrainDelay(drainDelay);
        }
        if (waitLimit != null) {
            distribution.setQueueWaitLimit(waitLimit);
        }
        if (settings.supervisorGroup() != null) {
            distribution.setSupervisorGroup(settings.supervisorGroup());
        }
        distributions.save(distribution);
        members.values().forEach(change -> managerDistributions.save(change.applied()));
        // A cap raised, a share changed: somebody may take what waits now.
        if (queue.hasWaiting(id)) {
            signals.drainRequested(id, false);
        }
        return view(team);
    }

    /** "ignore" or "offline"; "default" (and no value) is null. */
    private static PresenceProperties.WorkDayPause workDayPause(String asked) {
        if (asked == null || DEFAULT.equals(asked)) {
            return null;
        }
        for (PresenceProperties.WorkDayPause pause : PresenceProperties.WorkDayPause.values()) {
            if (pause.name().equalsIgnoreCase(asked)) {
                return pause;
            }
        }
        throw new InvalidFieldException("workDayPause", "'workDayPause' must be ignore, offline or default, not '"
                + asked + "'");
    }

    /** A cap as asked: a number of deals, or null for "none". */
    private record Cap(Integer value) {
    }

    private record MemberChange(ManagerDistribution applied) {
    }

    private Map<Long, MemberChange> members(Team team, List<MemberSettings> asked) {
        Map<Long, MemberChange> changes = new HashMap<>();
        if (asked == null) {
            return changes;
        }
        for (int i = 0; i < asked.size(); i++) {
            MemberSettings member = asked.get(i);
            String field = "members[" + i + "]";
            if (member == null || member.managerId() == null) {
                throw new InvalidFieldException(field + ".managerId", "'" + field + ".managerId' is missing");
            }
            Manager manager = managers.findById(member.managerId()).orElseThrow(() ->
                    new NotFoundException(field + ".managerId", "No manager " + member.managerId()));
            if (!team.getId().equals(manager.getTeamId())) {
                throw new InvalidFieldException(field + ".managerId", "Manager " + manager.getId() + " is not in team "
                        + team.getId());
            }
            if (member.weight() != null && member.weight() < 0) {
                throw new InvalidFieldException(field + ".weight", "'" + field + ".weight' must be 0 or more");
            }
            Cap cap = cap(field + ".maxOpenDeals", member.maxOpenDeals());
            ManagerDistribution settings = changes.containsKey(manager.getId())
                    ? changes.get(manager.getId()).applied()
                    : managerDistributions.findById(manager.getId()).orElseGet(() -> new ManagerDistribution(manager.getId()));
            if (member.weight() != null) {
                settings.setWeight(member.weight());
            }
            if (cap != null) {
                settings.setMaxOpenDeals(cap.value());
            }
            changes.put(manager.getId(), new MemberChange(settings));
        }
        int total = managers.findByTeamIdAndActiveTrueOrderByIdAsc(team.getId()).stream()
                .mapToInt(m -> changes.containsKey(m.getId()) ? changes.get(m.getId()).applied().weight()
                        : managerDistributions.findById(m.getId()).map(ManagerDistribution::weight)
                        .orElse(ManagerDistribution.DEFAULT_WEIGHT))
                .sum();
        if (total <= 0) {
            throw new InvalidFieldException("members", "The managers' weights must add up to more than 0, or the "
                    + "weighted strategy has nobody to give deals to");
        }
        return changes;
    }

    private static Cap cap(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (NONE.equals(value)) {
            return new Cap(null);
        }
        if (value instanceof Integer number && number >= 0) {
            return new Cap(number);
        }
        throw new InvalidFieldException(field, "'" + field + "' must be a number of deals (0 or more) or \"none\"");
    }

    private static Strategy strategy(String name) {
        try {
            return Strategy.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("defaultStrategy", e.getMessage());
        }
    }

    private static Duration interval(String value) {
        if (DEFAULT.equals(value)) {
            return null;
        }
        return duration("inactivityInterval", value, SHORTEST_INTERVAL, Duration.ofDays(1));
    }

    private static Duration duration(String field, String value, Duration shortest, Duration longest) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidFieldException(field, "'" + field + "' must be an ISO-8601 duration such as PT15M");
        }
        if (duration.compareTo(shortest) < 0 || duration.compareTo(longest) > 0) {
            throw new InvalidFieldException(field, "'" + field + "' must be between " + shortest + " and " + longest);
        }
        return duration;
    }

    private TeamView view(Team team) {
        TeamDistribution distribution = distributions.of(team.getId());
        List<Manager> members = managers.findByTeamIdAndActiveTrueOrderByIdAsc(team.getId());
        Map<Long, ManagerDistribution> own = managerDistributions.findAllById(members.stream().map(Manager::getId)
                .toList()).stream().collect(Collectors.toMap(ManagerDistribution::getManagerId, Function.identity()));
        return new TeamView(team.getId(), team.getName(), team.inactivityInterval(presence.inactivityInterval()),
                team.confirmationTimeout(presence.confirmationTimeout()), team.isHandoverEnabled(),
                team.isReturnEnabled(), schedules.zoneOf(team.getId()).getId(), schedules.overtimeAllowed(team.getId()),
                schedules.sweepTimes(team.getId()).stream().map(LocalTime::toString).toList(),
                distribution.getMaxOpenDeals(),
                distribution.defaultStrategy(), distribution.drainDelay(), distribution.queueWaitLimit(),
                distribution.supervisorGroup(),
                team.workDayPause(presence.workDayPause()).name().toLowerCase(java.util.Locale.ROOT),
                members.stream().map(m -> {
                    ManagerDistribution mine = own.get(m.getId());
                    return new MemberView(m.getId(), m.getName(),
                            mine == null ? ManagerDistribution.DEFAULT_WEIGHT : mine.weight(),
                            mine == null ? null : mine.getMaxOpenDeals());
                }).toList());
    }
}

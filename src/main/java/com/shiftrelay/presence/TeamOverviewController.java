package com.shiftrelay.presence;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who of each team is at work, being asked to confirm, or away, and since when: the administrator's
 * overview (Cockpit's ShiftRelay page). Administrators only: the rule is in the API's security configuration.
 */
@RestController
class TeamOverviewController {

    private static final Comparator<String> BY_NAME = Comparator.nullsLast(Collator.getInstance(Locale.forLanguageTag("ru")));

    private final Teams teams;
    private final Managers managers;

    TeamOverviewController(Teams teams, Managers managers) {
        this.teams = teams;
        this.managers = managers;
    }

    /** A manager's presence; {@code since} is when they entered their present state. */
    record ManagerPresence(long id, String name, String login, PresenceState state, Instant since) {
        static ManagerPresence of(Manager m) {
            return new ManagerPresence(m.getId(), m.getName(), m.getLogin(), m.getState(), m.getStateChangedAt());
        }
    }

    /**
     * A team's managers, by name, and how many of them are in each state (every state named, zero
     * included). The managers the CRM puts in no team come last, as a team with {@code id} and {@code name} null.
     */
    record TeamPresence(Long id, String name, Map<PresenceState, Long> counts, List<ManagerPresence> managers) {
        static TeamPresence of(Long id, String name, List<Manager> members) {
            Map<PresenceState, Long> counts = new EnumMap<>(PresenceState.class);
            for (PresenceState state : PresenceState.values()) {
                counts.put(state, 0L);
            }
            members.forEach(m -> counts.merge(m.getState(), 1L, Long::sum));
            return new TeamPresence(id, name, counts, members.stream().map(ManagerPresence::of).toList());
        }
    }

    /** Active managers only: a manager deactivated in the CRM is nobody's colleague any more. */
    @GetMapping("/api/teams/overview")
    @Transactional(readOnly = true)
    List<TeamPresence> overview() {
        List<Manager> active = managers.findByActiveTrue().stream()
                .sorted(Comparator.comparing(Manager::getName, BY_NAME)).toList();
        List<TeamPresence> overview = new ArrayList<>();
        teams.findAll().stream().sorted(Comparator.comparing(Team::getName, BY_NAME)).forEach(team ->
                overview.add(TeamPresence.of(team.getId(), team.getName(),
                        active.stream().filter(m -> team.getId().equals(m.getTeamId())).toList())));
        List<Manager> withoutTeam = active.stream()
                .filter(m -> m.getTeamId() == null || overview.stream().noneMatch(t -> Objects.equals(t.id(), m.getTeamId())))
                .toList();
        if (!withoutTeam.isEmpty()) {
            overview.add(TeamPresence.of(null, null, withoutTeam));
        }
        return overview;
    }
}

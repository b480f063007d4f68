package com.shiftrelay.presence;

import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.NotFoundException;
import java.time.Duration;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Team settings an admin changes: inactivity interval, hand-over and return switches. */
@RestController
@RequestMapping("/api/teams")
class TeamsController {

    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(30);

    private final Teams teams;
    private final PresenceProperties properties;

    TeamsController(Teams teams, PresenceProperties properties) {
        this.teams = teams;
        this.properties = properties;
    }

    /** A team with its effective settings. */
    record TeamView(long id, String name, Duration inactivityInterval, boolean handoverEnabled, boolean returnEnabled) {
    }

    /** New settings; a null field is left as it is, {@code inactivityInterval} "default" restores the default. */
    record TeamSettings(String inactivityInterval, Boolean handoverEnabled, Boolean returnEnabled) {
    }

    @GetMapping
    List<TeamView> list() {
        return teams.findAll().stream().map(this::view).toList();
    }

    /** Administrators only: the rule is in the API's security configuration. */
    @PutMapping("/{id}/settings")
    @Transactional
    public TeamView update(@PathVariable long id, @RequestBody TeamSettings settings) {
        Team team = teams.findById(id).orElseThrow(() -> new NotFoundException("No team " + id));
        if (settings.inactivityInterval() != null) {
            team.setInactivityInterval(parseInterval(settings.inactivityInterval()));
        }
        if (settings.handoverEnabled() != null) {
            team.setHandoverEnabled(settings.handoverEnabled());
        }
        if (settings.returnEnabled() != null) {
            team.setReturnEnabled(settings.returnEnabled());
        }
        return view(team);
    }

    private static Duration parseInterval(String value) {
        if ("default".equals(value)) {
            return null;
        }
        Duration interval;
        try {
            interval = Duration.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidFieldException("inactivityInterval", "'inactivityInterval' must be an ISO-8601 duration such as PT15M");
        }
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new InvalidFieldException("inactivityInterval", "'inactivityInterval' must be at least PT30S");
        }
        return interval;
    }

    private TeamView view(Team team) {
        return new TeamView(team.getId(), team.getName(), team.inactivityInterval(properties.inactivityInterval()),
                team.isHandoverEnabled(), team.isReturnEnabled());
    }
}

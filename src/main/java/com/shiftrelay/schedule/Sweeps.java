package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's scheduled sweeps (the field's 08:15 and 14:00): when the next is due in the team's zone, and whose deals
 * it takes: every OFFLINE manager's, provided somebody of the team is ONLINE and on shift to take them.
 */
@Service
public class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final Schedules schedules;
    private final Managers managers;
    private final Clock clock;

    Sweeps(Schedules schedules, Managers managers, Clock clock) {
        this.schedules = schedules;
        this.managers = managers;
        this.clock = clock;
    }

    /** The next sweep strictly after now in the team's zone; empty when the team has no sweep times. */
    @Transactional(readOnly = true)
    public Optional<Instant> next(long teamId) {
        List<LocalTime> times = schedules.sweepTimes(teamId);
        if (times.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = schedules.zoneOf(teamId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(2)); day = day.plusDays(1)) {
            for (LocalTime time : times) {
                Instant at = ZonedDateTime.of(day, time, zone).toInstant();
                if (at.isAfter(now)) {
                    return Optional.of(at);
                }
            }
        }
        throw new IllegalStateException("No sweep of team " + teamId + " within two days of " + now);
    }

    /**
     * The OFFLINE managers whose open deals this sweep hands over; none when nobody of the team is ONLINE and on
     * shift to take them (the deals stay, and the log says so).
     */
    @Transactional(readOnly = true)
    public List<Long> offlineManagers(long teamId) {
        Instant now = clock.instant();
        List<Manager> team = managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId);
        boolean someoneToTake = team.stream().anyMatch(m -> m.getState() == PresenceState.ONLINE
                && (schedules.onShift(m.getId(), now) || schedules.overtimeAllowed(teamId)));
        List<Long> offline = team.stream().filter(m -> m.getState() == PresenceState.OFFLINE).map(Manager::getId).toList();
        if (!someoneToTake) {
            log.info("Sweep of team {} at {}: nobody of the team is ONLINE and on shift; the deals of {} OFFLINE "
                    + "managers stay where they are", teamId, now, offline.size());
            return List.of();
        }
        log.info("Sweep of team {} at {}: the deals of OFFLINE managers {} go to the colleagues on shift", teamId, now,
                offline);
        return offline;
    }
}

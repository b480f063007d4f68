package com.shiftrelay.schedule;

import com.shiftrelay.presence.DirectorySynced;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo clinic's rota, with the sandbox CRM's demo data only: once the directory sync has created the demo
 * managers, the administrators (team 1) and the curators (team 2) work 08:00-20:00 two days on, two off, each
 * starting a day after the previous one, so that some of each team work every day; both teams sweep at 08:15 and
 * 14:00. Only managers the sync has just created get a schedule, and only a team with no schedule settings yet gets
 * the sweeps: whatever an admin set or deleted since stays as they left it.
 */
@Component
@ConditionalOnProperty(name = "shiftrelay.crm.provider", havingValue = "sandbox", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "shiftrelay.sandbox.seed-demo-data", matchIfMissing = true)
class DemoSchedules {

    /** The clinic's teams as the sandbox seeds them; the shipped routing rules name the same two. */
    static final List<Long> CLINIC_TEAMS = List.of(1L, 2L);
    static final List<String> SWEEP_TIMES = List.of("08:15", "14:00");
    private static final ShiftHours CLINIC_HOURS = ShiftHours.parse("08:00", "20:00");

    private final Managers managers;
    private final ManagerSchedules schedules;
    private final TeamSchedules teamSchedules;
    private final Schedules zones;
    private final ScheduleChanges changes;
    private final Clock clock;
    private final List<Long> teams;

    @Autowired
    DemoSchedules(Managers managers, ManagerSchedules schedules, TeamSchedules teamSchedules, Schedules zones,
                  ScheduleChanges changes, Clock clock) {
        this(managers, schedules, teamSchedules, zones, changes, clock, CLINIC_TEAMS);
    }

    /** {@code teams}: whose new managers get the rota. */
    DemoSchedules(Managers managers, ManagerSchedules schedules, TeamSchedules teamSchedules, Schedules zones,
                  ScheduleChanges changes, Clock clock, List<Long> teams) {
        this.managers = managers;
        this.schedules = schedules;
        this.teamSchedules = teamSchedules;
        this.zones = zones;
        this.changes = changes;
        this.clock = clock;
        this.teams = teams;
    }

    /** In a transaction of its own: the sync's job may be retried, and its managers are committed already. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DirectorySynced synced) {
        Set<Long> created = new HashSet<>(synced.newManagerIds());
        for (long teamId : teams) {
            List<Manager> members = managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId);
            if (members.stream().noneMatch(member -> created.contains(member.getId()))) {
                continue;
            }
            if (!teamSchedules.existsById(teamId)) {
                changes.changeTeam(teamId, TeamScheduleChange.parse(null, null, SWEEP_TIMES));
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(teamId));
            for (int i = 0; i < members.size(); i++) {
                long managerId = members.get(i).getId();
                if (created.contains(managerId) && !schedules.existsById(managerId)) {
                    // Anchors on consecutive days up to today: any day, two of the first four are on day 1 or 2 of
                    // their cycle, and the fifth works with the first, so two or three of five are at work.
                    var rotation = new RotationSchedule(today.minusDays(i), 2, 2, CLINIC_HOURS);
                    changes.replace(managerId, ScheduleJson.Body.of(rotation));
                }
            }
        }
    }
}

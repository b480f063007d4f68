package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When managers work, as their schedules, exceptions and swaps say, in their team's time zone; and each team's
 * zone, overtime rule and sweep times. Reads the database only, never the CRM.
 */
@Service
@Transactional(readOnly = true)
public class Schedules {

    /** What a swap colleague whose schedule is gone (deleted meanwhile) plans: nothing, rather than a failure. */
    private static final Schedule NO_SHIFTS = new WeeklySchedule(Map.of());

    private final Managers managers;
    private final ManagerSchedules schedules;
    private final ExceptionEntries exceptions;
    private final TeamSchedules teams;
    private final ScheduleProperties properties;

    Schedules(Managers managers, ManagerSchedules schedules, ExceptionEntries exceptions, TeamSchedules teams,
              ScheduleProperties properties) {
        this.managers = managers;
        this.schedules = schedules;
        this.exceptions = exceptions;
        this.teams = teams;
        this.properties = properties;
    }

    /** The team's time zone: its own, or shiftrelay.schedule.default-time-zone (Europe/Moscow by default). */
    public ZoneId zoneOf(long teamId) {
        return teams.findById(teamId).map(team -> team.zone(properties.defaultTimeZone()))
                .orElse(properties.defaultTimeZone());
    }

    /** Whether a manager ONLINE outside their shift may still get deals; true unless the team said otherwise. */
    public boolean overtimeAllowed(long teamId) {
        return teams.findById(teamId).map(TeamSchedule::overtimeAllowed).orElse(true);
    }

    /** The times of the team's scheduled sweeps in its zone, in the order of the day; empty: none. */
    public List<LocalTime> sweepTimes(long teamId) {
        return teams.findById(teamId).map(TeamSchedule::sweepTimes).orElse(List.of());
    }

    public boolean hasSchedule(long managerId) {
        return schedules.existsById(managerId);
    }

    /** The shift covering the instant, exceptions and swaps applied, in the team's zone; empty without a schedule or off shift. */
    public Optional<Shift> shiftAt(long managerId, Instant at) {
        // Last night's shift may still be running.
        return plan(managerId, at, 1, 0).flatMap(plan -> plan.shiftAt(at));
    }

    /** The next shift starting strictly after the instant; empty without a schedule or none within the planner's horizon. */
    public Optional<Shift> nextStart(long managerId, Instant after) {
        return plan(managerId, after, 0, ShiftPlanner.SEARCH_DAYS).flatMap(plan -> plan.nextStart(after));
    }

    /** True when the manager has no schedule (nothing restricts them) or a shift covers the instant. */
    public boolean onShift(long managerId, Instant at) {
        return plan(managerId, at, 1, 0).map(plan -> plan.shiftAt(at).isPresent()).orElse(true);
    }

    /** The manager's team's zone; a manager of no team works in the default one. */
    ZoneId zoneOf(Manager manager) {
        return manager.getTeamId() == null ? properties.defaultTimeZone() : zoneOf(manager.getTeamId());
    }

    /** The manager's plan for the dates from {@code from} to {@code to}; empty for a manager without a schedule. */
    Optional<ManagerPlan> plan(Manager manager, LocalDate from, LocalDate to) {
        return schedules.findById(manager.getId())
                .map(stored -> plan(manager, stored.schedule(), zoneOf(manager), from, to));
    }

    private Optional<ManagerPlan> plan(long managerId, Instant at, int daysBefore, int daysAfter) {
        Optional<ManagerSchedule> stored = schedules.findById(managerId);
        Optional<Manager> manager = stored.flatMap(found -> managers.findById(managerId));
        return manager.map(found -> {
            ZoneId zone = zoneOf(found);
            LocalDate day = LocalDate.ofInstant(at, zone);
            return plan(found, stored.get().schedule(), zone, day.minusDays(daysBefore), day.plusDays(daysAfter));
        });
    }

    private ManagerPlan plan(Manager manager, Schedule schedule, ZoneId zone, LocalDate from, LocalDate to) {
        List<ExceptionEntry> entries = exceptions.between(manager.getId(), from, to);
        List<Long> swappedWith = entries.stream().map(ExceptionEntry::colleagueId).filter(Objects::nonNull)
                .distinct().toList();
        Map<Long, Schedule> colleagues = new HashMap<>();
        swappedWith.forEach(id -> colleagues.put(id, NO_SHIFTS));
        schedules.findByManagerIdIn(swappedWith).forEach(stored -> colleagues.put(stored.managerId(), stored.schedule()));
        return new ManagerPlan(manager, zone, schedule, entries, colleagues);
    }
}

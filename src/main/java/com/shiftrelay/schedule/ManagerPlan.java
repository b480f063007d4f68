package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manager's schedule with what the planner needs besides, as read for some dates: the exceptions on them, the
 * schedules of the colleagues those exceptions swap with, and the team's zone.
 */
record ManagerPlan(Manager manager, ZoneId zone, Schedule schedule, List<ExceptionEntry> entries,
                   Map<Long, Schedule> colleagues) {

    List<ScheduleException> exceptions() {
        return entries.stream().map(ExceptionEntry::exception).toList();
    }

    List<Shift> shifts(LocalDate from, LocalDate to) {
        return ShiftPlanner.shifts(schedule, exceptions(), colleagues, zone, from, to);
    }

    Optional<Shift> shiftAt(Instant at) {
        return ShiftPlanner.shiftAt(schedule, exceptions(), colleagues, zone, at);
    }

    Optional<Shift> nextStart(Instant after) {
        return ShiftPlanner.nextStart(schedule, exceptions(), colleagues, zone, after);
    }
}

package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.ScheduledShifts;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the ManagerShifts and TeamSweeps processes, their messages and variables, read through typed accessors. */
final class ScheduleVariables {

    static final String SHIFTS_PROCESS = "ManagerShifts";
    static final String SWEEPS_PROCESS = "TeamSweeps";
    static final String MESSAGE_SCHEDULE_CHANGED = "ScheduleChanged";
    static final String MESSAGE_TEAM_SCHEDULE_CHANGED = "TeamScheduleChanged";

    static final String MANAGER_ID = "managerId";
    static final String MANAGER_LOGIN = "managerLogin";
    static final String TEAM_ID = "teamId";
    static final String HAS_SHIFT = "hasShift";
    static final String SHIFT_STARTS_AT = "shiftStartsAt";
    static final String SHIFT_ENDS_AT = "shiftEndsAt";
    static final String SHIFT_HOURS = "shiftHours";
    static final String HAS_SWEEP = "hasSweep";
    static final String SWEEP_AT = "sweepAt";
    /** The OFFLINE managers a sweep hands over, as "1,2,3": the call activity's collection reads it (sweepIds). */
    static final String OFFLINE_MANAGER_IDS = "offlineManagerIds";

    private ScheduleVariables() {
    }

    static long managerId(VariableScope execution) {
        return ((Number) execution.getVariable(MANAGER_ID)).longValue();
    }

    static long teamId(VariableScope execution) {
        return ((Number) execution.getVariable(TEAM_ID)).longValue();
    }

    static void shift(VariableScope execution, ScheduledShifts.Upcoming shift) {
        execution.setVariable(HAS_SHIFT, shift.exists());
        execution.setVariable(SHIFT_STARTS_AT, shift.exists() ? Date.from(shift.startsAt()) : null);
        execution.setVariable(SHIFT_ENDS_AT, shift.exists() ? Date.from(shift.endsAt()) : null);
        execution.setVariable(SHIFT_HOURS, shift.hours());
    }

    static void sweep(VariableScope execution, Instant at) {
        execution.setVariable(HAS_SWEEP, at != null);
        execution.setVariable(SWEEP_AT, at == null ? null : Date.from(at));
    }

    static void offlineManagers(VariableScope execution, List<Long> ids) {
        execution.setVariable(OFFLINE_MANAGER_IDS, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    static List<Long> ids(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }
}

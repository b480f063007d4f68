package com.shiftrelay.schedule;

import static com.shiftrelay.schedule.ScheduleJson.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shiftrelay.schedule.ExceptionEntry.Kind;
import com.shiftrelay.schedule.ScheduleException.DayOff;
import com.shiftrelay.schedule.ScheduleException.ExtraShift;
import com.shiftrelay.schedule.ScheduleException.PartialShift;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * An exception as the REST API takes it: {@code kind} and {@code date} ({@code from} and {@code to} for sick leave),
 * {@code colleagueId} for a swap, {@code start}, {@code end} and {@code overnight} for a partial or an extra shift.
 */
record ExceptionJson(String kind, LocalDate date, LocalDate from, LocalDate to, Long colleagueId, String start,
                     String end, Boolean overnight) {

    /** The exception asked for, its own fields read; how it fits the schedule is for the planner to check. */
    ScheduleException toException() {
        return switch (kind(required("kind", kind))) {
            case DAY_OFF -> new DayOff(required("date", date));
            case SICK_LEAVE -> new SickLeave(required("from", from), required("to", to));
            case SWAP -> new Swap(required("date", date), required("colleagueId", colleagueId));
            case PARTIAL_SHIFT -> new PartialShift(required("date", date), hours());
            case EXTRA_SHIFT -> new ExtraShift(required("date", date), hours());
        };
    }

    private ShiftHours hours() {
        return ShiftHours.parse("", start, end, Boolean.TRUE.equals(overnight));
    }

    private static Kind kind(String name) {
        return Arrays.stream(Kind.values()).filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> new ScheduleProblem("kind", "'" + name + "' is no kind of exception: DAY_OFF,"
                        + " SICK_LEAVE, SWAP, PARTIAL_SHIFT or EXTRA_SHIFT"));
    }

    /**
     * The planner names the fields of the one exception it was given {@code exceptions[0].date} and its hours
     * {@code exceptions[0].hours.end}; the request has them at its top level, hours flat.
     */
    static String apiField(String plannerField) {
        String field = plannerField.replaceFirst("^exceptions\\[\\d+]\\.", "");
        return field.equals("hours") ? "start" : field.replaceFirst("^hours\\.", "");
    }

    /** An exception as the API shows it: as it was asked for, with its id and, for a swap, the colleague's name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(long id, long managerId, Kind kind, LocalDate date, LocalDate from, LocalDate to, Long colleagueId,
                String colleagueName, String start, String end, Boolean overnight, String swapId, Instant createdAt) {

        static View of(ExceptionEntry entry, String colleagueName) {
            boolean range = entry.kind() == Kind.SICK_LEAVE;
            ShiftHours hours = entry.hours().orElse(null);
            return new View(entry.id(), entry.managerId(), entry.kind(), range ? null : entry.fromDate(),
                    range ? entry.fromDate() : null, range ? entry.toDate() : null, entry.colleagueId(), colleagueName,
                    hours == null ? null : hours.start().toString(), hours == null ? null : hours.end().toString(),
                    hours == null ? null : hours.overnight(), entry.swapId(), entry.createdAt());
        }
    }
}

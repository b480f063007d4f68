package com.shiftrelay.schedule;

import com.shiftrelay.schedule.ScheduleException.DayOff;
import com.shiftrelay.schedule.ScheduleException.ExtraShift;
import com.shiftrelay.schedule.ScheduleException.PartialShift;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import com.shiftrelay.schedule.Shift.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Works out when a manager is on shift from their schedule and its exceptions. Pure: no I/O, no clock.
 *
 * <p>Clock changes: every wall time becomes an instant through {@code ZonedDateTime.of(date, time, zone)}, so a time
 * the spring change skips moves on by the length of the gap (02:30 on 2026-03-29 in Europe/Berlin is 03:30 summer
 * time) and a time the autumn change repeats is the first of the two (summer time). The manager works by the wall
 * clock: a 20:00-08:00 night lasts 11 hours across the spring change, 13 across the autumn one, and 12 in a zone
 * without changes (Europe/Moscow). A shift whose start the gap moves past its end (02:30-03:15 on that Berlin night:
 * 03:30 to 03:15) is left out rather than run backwards.
 *
 * <p>The arithmetic expects what {@link #validate} accepts; a swap whose colleague's schedule is not given is refused
 * rather than guessed.
 */
public final class ShiftPlanner {

    /** How far {@link #nextStart} looks ahead: over a year, so past a long sick leave; beyond it is "no next shift". */
    static final int SEARCH_DAYS = 400;

    private static final Comparator<Shift> IN_START_ORDER = Comparator.comparing(Shift::start);

    private ShiftPlanner() {
    }

    /** Every shift that starts on a date from {@code from} to {@code to}, inclusive, exceptions applied, in start order. */
    public static List<Shift> shifts(Schedule schedule, List<ScheduleException> exceptions,
            Map<Long, Schedule> colleagues, ZoneId zone, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ScheduleProblem("to", "The last date " + to + " is before the first, " + from);
        }
        return from.datesUntil(to.plusDays(1))
                .flatMap(date -> startingOn(date, schedule, exceptions, colleagues, zone))
                .sorted(IN_START_ORDER)
                .toList();
    }

    /** The shift the manager is on at {@code at}, if any. */
    public static Optional<Shift> shiftAt(Schedule schedule, List<ScheduleException> exceptions,
            Map<Long, Schedule> colleagues, ZoneId zone, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        // A shift ends on the day after the date it starts on at the latest: last night's may still be running.
        return shifts(schedule, exceptions, colleagues, zone, today.minusDays(1), today).stream()
                .filter(shift -> shift.covers(at))
                .findFirst();
    }

    /** The first shift that starts strictly after {@code after}, within {@value #SEARCH_DAYS} days; empty if none. */
    public static Optional<Shift> nextStart(Schedule schedule, List<ScheduleException> exceptions,
            Map<Long, Schedule> colleagues, ZoneId zone, Instant after) {
        LocalDate today = LocalDate.ofInstant(after, zone);
        return today.datesUntil(today.plusDays(SEARCH_DAYS + 1))
                .flatMap(date -> startingOn(date, schedule, exceptions, colleagues, zone))
                .filter(shift -> shift.start().toInstant().isAfter(after))
                .findFirst();
    }

    /**
     * Refuses what an admin cannot have meant, naming the first field at fault in the API's notation.
     * {@code colleagues}: the schedules of the manager's team, the only managers a swap may name.
     */
    public static void validate(long managerId, Schedule schedule, List<ScheduleException> exceptions,
            Map<Long, Schedule> colleagues) {
        if (schedule instanceof WeeklySchedule weekly) {
            validateWeekly(weekly);
        } else if (schedule instanceof RotationSchedule rotation) {
            validateRotation(rotation);
        }
        for (int index = 0; index < exceptions.size(); index++) {
            validateException(managerId, schedule, exceptions, index, colleagues);
        }
    }

    /** The shifts that start on {@code date}, in start order. */
    private static Stream<Shift> startingOn(LocalDate date, Schedule schedule, List<ScheduleException> exceptions,
            Map<Long, Schedule> colleagues, ZoneId zone) {
        List<ScheduleException> onDate = exceptions.stream().filter(exception -> exception.covers(date)).toList();
        // Validation allows a date one exception; should it have more, a day off or sick leave wins.
        if (onDate.stream().anyMatch(exception -> exception instanceof DayOff || exception instanceof SickLeave)) {
            return Stream.empty();
        }
        List<Shift> shifts = new ArrayList<>();
        mainShift(date, schedule, onDate, colleagues, zone).ifPresent(shifts::add);
        onDate.stream()
                .filter(ExtraShift.class::isInstance)
                .map(ExtraShift.class::cast)
                .forEach(extra -> shift(date, extra.hours(), Kind.EXTRA, zone).ifPresent(shifts::add));
        return shifts.stream().sorted(IN_START_ORDER);
    }

    /** The planned shift, or what a partial shift or a swap puts in its place. */
    private static Optional<Shift> mainShift(LocalDate date, Schedule schedule, List<ScheduleException> onDate,
            Map<Long, Schedule> colleagues, ZoneId zone) {
        for (ScheduleException exception : onDate) {
            if (exception instanceof PartialShift partial) {
                return shift(date, partial.hours(), Kind.PARTIAL, zone);
            }
            if (exception instanceof Swap swap) {
                return colleague(colleagues, swap).hoursOn(date).flatMap(hours -> shift(date, hours, Kind.SWAPPED, zone));
            }
        }
        return schedule.hoursOn(date).flatMap(hours -> shift(date, hours, Kind.PLANNED, zone));
    }

    private static Optional<Shift> shift(LocalDate date, ShiftHours hours, Kind kind, ZoneId zone) {
        ZonedDateTime start = ZonedDateTime.of(date, hours.start(), zone);
        ZonedDateTime end = ZonedDateTime.of(hours.endsNextDay() ? date.plusDays(1) : date, hours.end(), zone);
        // Only a start the spring change moves on, past the end, can be after the end.
        return end.isAfter(start) ? Optional.of(new Shift(date, start, end, kind)) : Optional.empty();
    }

    private static Schedule colleague(Map<Long, Schedule> colleagues, Swap swap) {
        Schedule colleague = colleagues.get(swap.colleagueId());
        if (colleague == null) {
            throw new IllegalArgumentException("The swap on " + swap.date() + " is with manager " + swap.colleagueId()
                    + ", whose schedule was not given");
        }
        return colleague;
    }

    private static void validateWeekly(WeeklySchedule weekly) {
        if (weekly.days().isEmpty()) {
            throw new ScheduleProblem("days", "A weekly schedule with no working day: give the hours of one weekday at least");
        }
        weekly.days().forEach((day, hours) -> hours.check("days." + day));
        weekly.days().forEach((day, hours) -> {
            ShiftHours next = weekly.days().get(day.plus(1));
            if (hours.endsNextDay() && next != null && next.start().isBefore(hours.end())) {
                throw new ScheduleProblem("days." + day.plus(1) + ".start", day + "'s shift runs until " + hours.end()
                        + " on " + day.plus(1) + ", after " + day.plus(1) + "'s starts at " + next.start());
            }
        });
    }

    private static void validateRotation(RotationSchedule rotation) {
        if (rotation.daysOn() < 1) {
            throw new ScheduleProblem("daysOn", "A rotation with no working day: daysOn must be 1 or more, not "
                    + rotation.daysOn());
        }
        if (rotation.daysOff() < 0) {
            throw new ScheduleProblem("daysOff", "A rotation cannot have " + rotation.daysOff()
                    + " days off: 0 or more (0 works every day)");
        }
        rotation.hours().check("hours");
    }

    private static void validateException(long managerId, Schedule schedule, List<ScheduleException> exceptions,
            int index, Map<Long, Schedule> colleagues) {
        ScheduleException exception = exceptions.get(index);
        String field = "exceptions[" + index + "]";
        if (exception instanceof SickLeave sick && sick.to().isBefore(sick.from())) {
            throw new ScheduleProblem(field + ".to", "The sick leave ends on " + sick.to() + ", before it starts on "
                    + sick.from());
        } else if (exception instanceof PartialShift partial) {
            validatePartial(schedule, partial, field);
        } else if (exception instanceof ExtraShift extra) {
            validateExtra(schedule, extra, field);
        } else if (exception instanceof Swap swap) {
            validateSwap(managerId, schedule, swap, colleagues, field);
        }
        for (int earlier = 0; earlier < index; earlier++) {
            ScheduleException other = exceptions.get(earlier);
            if (!other.from().isAfter(exception.to()) && !exception.from().isAfter(other.to())) {
                LocalDate shared = other.from().isAfter(exception.from()) ? other.from() : exception.from();
                throw new ScheduleProblem(field + (exception instanceof SickLeave ? ".from" : ".date"),
                        "exceptions[" + earlier + "] is on " + shared + " too: a date takes one exception");
            }
        }
    }

    private static void validatePartial(Schedule schedule, PartialShift partial, String field) {
        partial.hours().check(field + ".hours");
        if (partial.hours().start().equals(partial.hours().end())) {
            throw new ScheduleProblem(field + ".hours.end", "A partial shift of 24 hours is no part of a day: give the"
                    + " hours worked");
        }
        if (schedule.hoursOn(partial.date()).isEmpty()) {
            throw new ScheduleProblem(field + ".date", "No shift is planned on " + partial.date()
                    + " to work part of; an extra shift adds one");
        }
    }

    private static void validateExtra(Schedule schedule, ExtraShift extra, String field) {
        extra.hours().check(field + ".hours");
        // In UTC, which has no clock changes: the hours compare as the admin typed them, whatever the team's zone does.
        Shift added = shift(extra.date(), extra.hours(), Kind.EXTRA, ZoneOffset.UTC).orElseThrow();
        extra.date().minusDays(1).datesUntil(extra.date().plusDays(2))
                .flatMap(day -> schedule.hoursOn(day).flatMap(hours -> shift(day, hours, Kind.PLANNED, ZoneOffset.UTC)).stream())
                .filter(added::overlaps)
                .findFirst()
                .ifPresent(planned -> {
                    throw new ScheduleProblem(field + ".hours", "The extra shift " + extra.hours().range() + " on "
                            + extra.date() + " overlaps the shift planned on " + planned.date() + ", "
                            + schedule.hoursOn(planned.date()).orElseThrow().range());
                });
    }

    private static void validateSwap(long managerId, Schedule schedule, Swap swap, Map<Long, Schedule> colleagues,
            String field) {
        if (swap.colleagueId() == managerId) {
            throw new ScheduleProblem(field + ".colleagueId", "A swap is with a colleague, not with manager " + managerId
                    + " themselves");
        }
        Schedule colleague = colleagues.get(swap.colleagueId());
        if (colleague == null) {
            throw new ScheduleProblem(field + ".colleagueId", "Manager " + swap.colleagueId()
                    + " is not a colleague in this manager's team");
        }
        if (schedule.hoursOn(swap.date()).isEmpty() && colleague.hoursOn(swap.date()).isEmpty()) {
            throw new ScheduleProblem(field + ".date", "Neither manager works on " + swap.date()
                    + ": there is no shift to swap");
        }
    }
}

package com.shiftrelay.schedule;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The hours of a shift that starts on some date: {@code overnight} means it ends the next day, at or before its start
 * (20:00-08:00; start == end is a 24-hour shift).
 *
 * <p>The flag says what the admin meant, which the two times alone cannot: 20:00-08:00 is a night shift or a typo
 * for 08:00-20:00. {@link ShiftPlanner#validate} refuses hours whose flag and times disagree.
 */
public record ShiftHours(LocalTime start, LocalTime end, boolean overnight) {

    public ShiftHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Day hours from HH:mm strings, like ("08:00", "20:00"); a problem names {@code start} or {@code end}. */
    public static ShiftHours parse(String start, String end) {
        return parse("", start, end, false);
    }

    /** Night hours from HH:mm strings, like ("20:00", "08:00"); a problem names {@code start} or {@code end}. */
    public static ShiftHours night(String start, String end) {
        return parse("", start, end, true);
    }

    /** Hours as a request gives them; a problem names {@code field.start} or {@code field.end}. */
    public static ShiftHours parse(String field, String start, String end, boolean overnight) {
        ShiftHours hours = new ShiftHours(TimeOfDay.parse(ScheduleProblem.path(field, "start"), start),
                TimeOfDay.parse(ScheduleProblem.path(field, "end"), end), overnight);
        hours.check(field);
        return hours;
    }

    /** Whether the shift ends on the day after the date it starts on; by the times, which validation matched to the flag. */
    public boolean endsNextDay() {
        return !end.isAfter(start);
    }

    void check(String field) {
        if (!overnight && endsNextDay()) {
            throw new ScheduleProblem(ScheduleProblem.path(field, "end"), "The shift ends at " + end
                    + ", not after its start at " + start + ": mark it overnight if it ends the next day");
        }
        if (overnight && !endsNextDay()) {
            throw new ScheduleProblem(ScheduleProblem.path(field, "end"), "An overnight shift ends the next day, at or"
                    + " before its start; " + range() + " ends the same day");
        }
    }

    /** As an admin reads the hours, like 20:00-08:00. */
    String range() {
        return start + "-" + end;
    }
}

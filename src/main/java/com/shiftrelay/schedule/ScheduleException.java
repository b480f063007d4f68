package com.shiftrelay.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change to one manager's schedule on a date or a range of dates (an exception to the rule, not a Java exception).
 * Validation allows one exception per date.
 */
public sealed interface ScheduleException {

    /** The first date the exception changes. */
    LocalDate from();

    /** The last date the exception changes, inclusive. */
    LocalDate to();

    default boolean covers(LocalDate date) {
        return !date.isBefore(from()) && !date.isAfter(to());
    }

    /** An exception that changes one date. */
    sealed interface OnDate extends ScheduleException {

        LocalDate date();

        @Override
        default LocalDate from() {
            return date();
        }

        @Override
        default LocalDate to() {
            return date();
        }
    }

    /** No shift starts on {@code date}. */
    record DayOff(LocalDate date) implements OnDate {

        public DayOff {
            Objects.requireNonNull(date, "date");
        }
    }

    /** No shift starts from {@code from} to {@code to}, inclusive; a shift that started the day before ends as planned. */
    record SickLeave(LocalDate from, LocalDate to) implements ScheduleException {

        public SickLeave {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** On {@code date} the manager works only {@code hours}, instead of the shift planned for that date. */
    record PartialShift(LocalDate date, ShiftHours hours) implements OnDate {

        public PartialShift {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(hours, "hours");
        }
    }

    /** A shift of {@code hours} on {@code date} on top of whatever is planned, usually on a day off. */
    record ExtraShift(LocalDate date, ShiftHours hours) implements OnDate {

        public ExtraShift {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(hours, "hours");
        }
    }

    /**
     * On {@code date} the manager works the shift the colleague's schedule plans and the colleague this manager's;
     * either may be none. Each of the two carries the swap, naming the other: a manager's shifts are worked out
     * from their own exceptions.
     */
    record Swap(LocalDate date, long colleagueId) implements OnDate {

        public Swap {
            Objects.requireNonNull(date, "date");
        }
    }
}

package com.shiftrelay.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A concrete shift in the team's time zone: it starts on {@code date} and ends at {@code end}, exclusive, which may
 * be on the next day. On the nights the clocks change its length differs from what its hours say (see ShiftPlanner).
 */
public record Shift(LocalDate date, ZonedDateTime start, ZonedDateTime end, Kind kind) {

    /** Where the shift comes from. */
    public enum Kind {
        /** As the schedule plans it. */
        PLANNED,
        /** The hours of a partial shift, instead of the planned ones. */
        PARTIAL,
        /** An extra shift, on top of the planned ones. */
        EXTRA,
        /** The colleague's planned shift, worked by this manager after a swap. */
        SWAPPED
    }

    public Shift {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
    }

    /** The time actually worked, from instant to instant: 11 or 13 hours for 20:00-08:00 on the nights the clocks change. */
    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start.toInstant()) && at.isBefore(end.toInstant());
    }

    boolean overlaps(Shift other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}

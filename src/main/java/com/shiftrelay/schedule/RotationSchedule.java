package com.shiftrelay.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code daysOn} working days then {@code daysOff} days off, over and over, from {@code anchor}, its first working
 * day; every working day has the same {@code hours}. Nothing is planned before the anchor: the rotation starts then.
 */
public record RotationSchedule(LocalDate anchor, int daysOn, int daysOff, ShiftHours hours) implements Schedule {

    public RotationSchedule {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(hours, "hours");
    }

    @Override
    public Optional<ShiftHours> hoursOn(LocalDate date) {
        // A rotation validation refuses plans nothing rather than divide by a cycle of no days.
        if (daysOn < 1 || daysOff < 0 || date.isBefore(anchor)) {
            return Optional.empty();
        }
        long dayOfCycle = ChronoUnit.DAYS.between(anchor, date) % (daysOn + daysOff);
        return dayOfCycle < daysOn ? Optional.of(hours) : Optional.empty();
    }
}

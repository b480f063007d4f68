package com.shiftrelay.schedule;

import java.time.LocalDate;
import java.util.Optional;

/** When a manager works as a rule, before any exception: weekly hours or a rotation. */
public sealed interface Schedule permits WeeklySchedule, RotationSchedule {

    /** The hours of the shift the rule plans to start on {@code date}; empty = a day off. */
    Optional<ShiftHours> hoursOn(LocalDate date);
}

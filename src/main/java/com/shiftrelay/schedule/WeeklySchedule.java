package com.shiftrelay.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The hours worked on each weekday; a weekday not in {@code days} is off. */
public record WeeklySchedule(Map<DayOfWeek, ShiftHours> days) implements Schedule {

    public WeeklySchedule {
        // EnumMap: the days read Monday to Sunday wherever they are listed or stored. Its copy constructor refuses an
        // empty map that is not an EnumMap, hence putAll; an empty schedule is for validation to refuse, by its field.
        Map<DayOfWeek, ShiftHours> byDay = new EnumMap<>(DayOfWeek.class);
        byDay.putAll(days);
        days = Collections.unmodifiableMap(byDay);
    }

    @Override
    public Optional<ShiftHours> hoursOn(LocalDate date) {
        return Optional.ofNullable(days.get(date.getDayOfWeek()));
    }
}

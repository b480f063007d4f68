package com.shiftrelay.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The times of day a team's scheduled sweeps run, in the team's time zone. */
public final class SweepTimes {

    private SweepTimes() {
    }

    /** HH:mm strings to times in the order of the day; a bad or repeated one is named, like {@code sweepTimes[1]}. */
    public static List<LocalTime> parse(List<String> times) {
        Map<LocalTime, Integer> indexByTime = new TreeMap<>();
        for (int index = 0; index < times.size(); index++) {
            String field = "sweepTimes[" + index + "]";
            LocalTime time = TimeOfDay.parse(field, times.get(index));
            Integer first = indexByTime.putIfAbsent(time, index);
            if (first != null) {
                throw new ScheduleProblem(field, time + " is sweepTimes[" + first + "] already: list each time once");
            }
        }
        return List.copyOf(indexByTime.keySet());
    }
}

package com.shiftrelay.schedule;

import java.time.LocalTime;
import java.util.regex.Pattern;

/** Wall-clock times as admins type them: HH:mm only. */
final class TimeOfDay {

    // Stricter than LocalTime.parse, which also takes seconds and fractions: a shift or sweep is set to the minute,
    // and "8:15" or "24:00" is more likely a typo than a wish.
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private TimeOfDay() {
    }

    static LocalTime parse(String field, String text) {
        if (text == null || !HH_MM.matcher(text).matches()) {
            throw new ScheduleProblem(field, (text == null ? "A time is missing" : "'" + text + "' is not a time")
                    + ": give it as HH:mm, on the 24-hour clock with two digits each, like 08:15");
        }
        return LocalTime.parse(text);
    }
}

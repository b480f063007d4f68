package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.schedule.ScheduleJson.Body;
import com.shiftrelay.schedule.ScheduleJson.Hours;
import com.shiftrelay.schedule.ScheduleJson.Rotation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleJsonTest {

    static final Hours DAY = new Hours("08:00", "20:00", null);
    static final LocalDate ANCHOR = LocalDate.parse("2026-12-01");

    /** The planner's own assertion, for what reading the request refuses. */
    static void assertRefused(Body body, String field, String message) {
        ShiftPlannerTest.assertRefused(body::toSchedule, field, message);
    }

    @Test
    void weeklyHoursAreReadPerWeekdayAndAnOvernightFlagLeftOutIsADayShift() {
        Map<String, Hours> days = new LinkedHashMap<>();
        days.put("FRIDAY", new Hours("20:00", "08:00", true));
        days.put("MONDAY", DAY);

        Schedule schedule = new Body(days, null).toSchedule();

        assertThat(schedule).isEqualTo(new WeeklySchedule(Map.of(DayOfWeek.MONDAY, ShiftHours.parse("08:00", "20:00"),
                DayOfWeek.FRIDAY, ShiftHours.night("20:00", "08:00"))));
    }

    @Test
    void aRotationIsReadWithItsHoursFlat() {
        Schedule schedule = new Body(null, new Rotation(ANCHOR, 2, 2, "20:00", "08:00", true)).toSchedule();

        assertThat(schedule).isEqualTo(new RotationSchedule(ANCHOR, 2, 2, ShiftHours.night("20:00", "08:00")));
    }

    @Test
    void exactlyOneOfWeeklyAndRotationIsTaken() {
        assertRefused(new Body(null, null), "weekly", "No schedule given");
        assertRefused(new Body(Map.of("MONDAY", DAY), new Rotation(ANCHOR, 2, 2, "08:00", "20:00", false)),
                "rotation", "not both");
    }

    @Test
    void theRequestsFieldsAreNamedNotThePlannersOwn() {
        assertRefused(new Body(Map.of(), null), "weekly", "no working day");
        assertRefused(new Body(Map.of("FUNDAY", DAY), null), "weekly.FUNDAY", "not a weekday");
        assertRefused(new Body(Map.of("monday", DAY), null), "weekly.monday", "not a weekday");
        assertRefused(new Body(Map.of("MONDAY", new Hours("20:00", "08:00", false)), null), "weekly.MONDAY.end",
                "mark it overnight");
        assertRefused(new Body(Map.of("MONDAY", new Hours("8:00", "20:00", false)), null), "weekly.MONDAY.start",
                "'8:00' is not a time");
        assertRefused(new Body(Map.of("SUNDAY", new Hours("20:00", "08:00", true), "MONDAY",
                new Hours("06:00", "14:00", false)), null), "weekly.MONDAY.start", "SUNDAY's shift runs until 08:00");
        assertRefused(new Body(null, new Rotation(ANCHOR, 0, 2, "08:00", "20:00", false)), "rotation.daysOn",
                "no working day");
        assertRefused(new Body(null, new Rotation(ANCHOR, 2, -1, "08:00", "20:00", false)), "rotation.daysOff",
                "-1 days off");
        assertRefused(new Body(null, new Rotation(ANCHOR, 2, 2, "20:00", "08:00", null)), "rotation.end",
                "mark it overnight");
        assertRefused(new Body(null, new Rotation(null, 2, 2, "08:00", "20:00", false)), "rotation.anchor", "missing");
        assertRefused(new Body(null, new Rotation(ANCHOR, null, 2, "08:00", "20:00", false)), "rotation.daysOn",
                "missing");
        assertRefused(new Body(null, new Rotation(ANCHOR, 2, 2, "08:00", null, false)), "rotation.end",
                "A time is missing");
    }

    @Test
    void aStoredScheduleReadsBackAsItWasWrittenWeekdaysInOrder() {
        var weekly = new WeeklySchedule(Map.of(DayOfWeek.SUNDAY, ShiftHours.parse("10:00", "14:00"),
                DayOfWeek.MONDAY, ShiftHours.night("20:00", "08:00")));
        var rotation = new RotationSchedule(ANCHOR, 1, 3, ShiftHours.parse("09:00", "21:00"));

        String stored = ScheduleJson.write(weekly);

        assertThat(stored).isEqualTo("{\"MONDAY\":{\"start\":\"20:00\",\"end\":\"08:00\",\"overnight\":true},"
                + "\"SUNDAY\":{\"start\":\"10:00\",\"end\":\"14:00\",\"overnight\":false}}");
        assertThat(ScheduleJson.read(ManagerSchedule.Kind.WEEKLY, stored)).isEqualTo(weekly);
        assertThat(ScheduleJson.write(rotation)).isEqualTo("{\"anchor\":\"2026-12-01\",\"daysOn\":1,\"daysOff\":3,"
                + "\"start\":\"09:00\",\"end\":\"21:00\",\"overnight\":false}");
        assertThat(ScheduleJson.read(ManagerSchedule.Kind.ROTATION, ScheduleJson.write(rotation))).isEqualTo(rotation);
    }
}

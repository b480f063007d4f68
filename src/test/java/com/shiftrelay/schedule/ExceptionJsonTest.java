package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.schedule.ScheduleException.DayOff;
import com.shiftrelay.schedule.ScheduleException.ExtraShift;
import com.shiftrelay.schedule.ScheduleException.PartialShift;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExceptionJsonTest {

    static final LocalDate DATE = LocalDate.parse("2026-12-05");

    static ExceptionJson onDate(String kind) {
        return new ExceptionJson(kind, DATE, null, null, null, null, null, null);
    }

    /** The planner's own assertion, for what reading the request refuses. */
    static void assertRefused(ExceptionJson body, String field, String message) {
        ShiftPlannerTest.assertRefused(body::toException, field, message);
    }

    @Test
    void eachKindIsReadFromItsOwnFields() {
        assertThat(onDate("DAY_OFF").toException()).isEqualTo(new DayOff(DATE));
        assertThat(new ExceptionJson("SICK_LEAVE", null, DATE, DATE.plusDays(4), null, null, null, null).toException())
                .isEqualTo(new SickLeave(DATE, DATE.plusDays(4)));
        assertThat(new ExceptionJson("SWAP", DATE, null, null, 7L, null, null, null).toException())
                .isEqualTo(new Swap(DATE, 7));
        assertThat(new ExceptionJson("PARTIAL_SHIFT", DATE, null, null, null, "08:00", "14:00", null).toException())
                .isEqualTo(new PartialShift(DATE, ShiftHours.parse("08:00", "14:00")));
        assertThat(new ExceptionJson("EXTRA_SHIFT", DATE, null, null, null, "20:00", "08:00", true).toException())
                .isEqualTo(new ExtraShift(DATE, ShiftHours.night("20:00", "08:00")));
    }

    @Test
    void aMissingOrBadFieldIsNamed() {
        assertRefused(onDate(null), "kind", "'kind' is missing");
        assertRefused(onDate("HOLIDAY"), "kind", "'HOLIDAY' is no kind of exception");
        assertRefused(new ExceptionJson("DAY_OFF", null, DATE, DATE, null, null, null, null), "date", "missing");
        assertRefused(new ExceptionJson("SICK_LEAVE", DATE, null, null, null, null, null, null), "from", "missing");
        assertRefused(new ExceptionJson("SICK_LEAVE", null, DATE, null, null, null, null, null), "to", "missing");
        assertRefused(onDate("SWAP"), "colleagueId", "missing");
        assertRefused(new ExceptionJson("PARTIAL_SHIFT", DATE, null, null, null, "8", "14:00", null), "start",
                "'8' is not a time");
        assertRefused(new ExceptionJson("EXTRA_SHIFT", DATE, null, null, null, "20:00", "08:00", false), "end",
                "mark it overnight");
    }

    @Test
    void thePlannersNamesForTheOneExceptionItWasGivenBecomeTheRequestsOwn() {
        assertThat(ExceptionJson.apiField("exceptions[0].date")).isEqualTo("date");
        assertThat(ExceptionJson.apiField("exceptions[0].to")).isEqualTo("to");
        assertThat(ExceptionJson.apiField("exceptions[0].colleagueId")).isEqualTo("colleagueId");
        assertThat(ExceptionJson.apiField("exceptions[0].hours.end")).isEqualTo("end");
        assertThat(ExceptionJson.apiField("exceptions[0].hours")).isEqualTo("start");
    }
}

package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.schedule.ScheduleException.DayOff;
import com.shiftrelay.schedule.ScheduleException.ExtraShift;
import com.shiftrelay.schedule.ScheduleException.PartialShift;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import com.shiftrelay.schedule.Shift.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShiftPlannerTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long ANNA = 1, BORIS = 2, VERA = 3;
    static final ShiftHours DAY = ShiftHours.parse("08:00", "20:00");
    static final ShiftHours NIGHT = ShiftHours.night("20:00", "08:00");

    /** Anna, an administrator of the clinic: 2 on / 2 off from Sunday 1 March 2026, on 1, 2, 5, 6, 9, 10, ... */
    static final RotationSchedule ANNA_2_2 = new RotationSchedule(date("2026-03-01"), 2, 2, DAY);

    /** Boris: 1 on / 3 off from 3 March, 09:00-21:00, on 3, 7, 11, ...: off on Anna's 5 March, on on her free 7th. */
    static final RotationSchedule BORIS_1_3 = new RotationSchedule(date("2026-03-03"), 1, 3,
            ShiftHours.parse("09:00", "21:00"));

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static ZonedDateTime wall(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone);
    }

    static List<Shift> annasShifts(List<ScheduleException> exceptions, String from, String to) {
        return ShiftPlanner.shifts(ANNA_2_2, exceptions, Map.of(BORIS, BORIS_1_3), MOSCOW, date(from), date(to));
    }

    /** Shifts as the roster shows them: start date, wall-clock hours, and where a shift comes from unless planned. */
    static List<String> roster(List<Shift> shifts) {
        return shifts.stream()
                .map(shift -> shift.date() + " " + shift.start().toLocalTime() + "-" + shift.end().toLocalTime()
                        + (shift.kind() == Kind.PLANNED ? "" : " " + shift.kind()))
                .toList();
    }

    static void assertRefused(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScheduleProblem.class, problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.getMessage()).contains(message);
        });
    }

    @Nested
    class Schedules {

        @Test
        void aTwoOnTwoOffRotationWorksFifteenOfThirtyDaysOnTheRightDates() {
            List<Shift> shifts = ShiftPlanner.shifts(ANNA_2_2, List.of(), Map.of(), MOSCOW, date("2026-03-02"),
                    date("2026-03-31"));

            assertThat(shifts).hasSize(15);
            assertThat(shifts).extracting(Shift::date).containsExactly(date("2026-03-02"), date("2026-03-05"),
                    date("2026-03-06"), date("2026-03-09"), date("2026-03-10"), date("2026-03-13"), date("2026-03-14"),
                    date("2026-03-17"), date("2026-03-18"), date("2026-03-21"), date("2026-03-22"), date("2026-03-25"),
                    date("2026-03-26"), date("2026-03-29"), date("2026-03-30"));
            assertThat(shifts.get(0)).isEqualTo(new Shift(date("2026-03-02"), wall("2026-03-02T08:00", MOSCOW),
                    wall("2026-03-02T20:00", MOSCOW), Kind.PLANNED));
            assertThat(shifts).allSatisfy(shift -> assertThat(shift.length()).isEqualTo(Duration.ofHours(12)));
        }

        @Test
        void aOneOnThreeOffRotationWorksEveryFourthDayFromItsAnchor() {
            var rotation = new RotationSchedule(date("2026-03-02"), 1, 3, DAY);

            List<Shift> shifts = ShiftPlanner.shifts(rotation, List.of(), Map.of(), MOSCOW, date("2026-03-01"),
                    date("2026-03-15"));

            assertThat(roster(shifts)).containsExactly("2026-03-02 08:00-20:00", "2026-03-06 08:00-20:00",
                    "2026-03-10 08:00-20:00", "2026-03-14 08:00-20:00");
        }

        @Test
        void aRotationPlansNothingBeforeItsAnchor() {
            assertThat(annasShifts(List.of(), "2026-02-23", "2026-03-02")).extracting(Shift::date)
                    .containsExactly(date("2026-03-01"), date("2026-03-02"));
        }

        @Test
        void weeklyHoursGiveEachWeekdayItsOwnHoursAndLeaveSundayOff() {
            var weekdays = ShiftHours.parse("09:00", "18:00");
            var weekly = new WeeklySchedule(Map.of(DayOfWeek.MONDAY, weekdays, DayOfWeek.TUESDAY, weekdays,
                    DayOfWeek.WEDNESDAY, weekdays, DayOfWeek.THURSDAY, weekdays, DayOfWeek.FRIDAY, weekdays,
                    DayOfWeek.SATURDAY, ShiftHours.parse("10:00", "14:00")));

            List<Shift> shifts = ShiftPlanner.shifts(weekly, List.of(), Map.of(), MOSCOW, date("2026-03-02"),
                    date("2026-03-08"));

            assertThat(roster(shifts)).containsExactly("2026-03-02 09:00-18:00", "2026-03-03 09:00-18:00",
                    "2026-03-04 09:00-18:00", "2026-03-05 09:00-18:00", "2026-03-06 09:00-18:00",
                    "2026-03-07 10:00-14:00");
            assertThat(weekly.days().keySet()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        }

        @Test
        void aRosterEndingBeforeItStartsIsRefusedAtTo() {
            assertRefused(() -> annasShifts(List.of(), "2026-03-10", "2026-03-01"), "to",
                    "The last date 2026-03-01 is before the first, 2026-03-10");
        }
    }

    @Nested
    class NightsAndClockChanges {

        static final RotationSchedule NIGHTS_2_2 = new RotationSchedule(date("2026-03-01"), 2, 2, NIGHT);
        static final RotationSchedule EVERY_NIGHT = new RotationSchedule(date("2026-01-01"), 1, 0, NIGHT);

        static Shift theNightOf(String date, ZoneId zone) {
            List<Shift> shifts = ShiftPlanner.shifts(EVERY_NIGHT, List.of(), Map.of(), zone, date(date), date(date));
            assertThat(shifts).hasSize(1);
            return shifts.get(0);
        }

        @Test
        void aNightShiftIsStillOnAtTwoTheNextMorningAndHasEndedAtEight() {
            var monday = new Shift(date("2026-03-02"), wall("2026-03-02T20:00", MOSCOW), wall("2026-03-03T08:00", MOSCOW),
                    Kind.PLANNED);

            assertThat(ShiftPlanner.shiftAt(NIGHTS_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-03T02:00", MOSCOW)))
                    .contains(monday);
            assertThat(ShiftPlanner.shiftAt(NIGHTS_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-03T08:00", MOSCOW)))
                    .isEmpty();
            // The roster lists a shift on the date it starts on, not on the one it ends on.
            assertThat(ShiftPlanner.shifts(NIGHTS_2_2, List.of(), Map.of(), MOSCOW, date("2026-03-03"),
                    date("2026-03-04"))).isEmpty();
        }

        @Test
        void inBerlinTheNightOfTheSpringChangeLastsElevenHoursAndTheAutumnOneThirteen() {
            Shift spring = theNightOf("2026-03-28", BERLIN);
            Shift autumn = theNightOf("2026-10-24", BERLIN);

            assertThat(spring.start()).isEqualTo(ZonedDateTime.parse("2026-03-28T20:00+01:00[Europe/Berlin]"));
            assertThat(spring.end()).isEqualTo(ZonedDateTime.parse("2026-03-29T08:00+02:00[Europe/Berlin]"));
            assertThat(spring.length()).isEqualTo(Duration.ofHours(11));
            assertThat(autumn.start()).isEqualTo(ZonedDateTime.parse("2026-10-24T20:00+02:00[Europe/Berlin]"));
            assertThat(autumn.end()).isEqualTo(ZonedDateTime.parse("2026-10-25T08:00+01:00[Europe/Berlin]"));
            assertThat(autumn.length()).isEqualTo(Duration.ofHours(13));
            assertThat(theNightOf("2026-03-27", BERLIN).length()).isEqualTo(Duration.ofHours(12));
        }

        @Test
        void inMoscowWithoutClockChangesTheSameNightsLastTwelveHours() {
            assertThat(theNightOf("2026-03-28", MOSCOW).length()).isEqualTo(Duration.ofHours(12));
            assertThat(theNightOf("2026-10-24", MOSCOW).length()).isEqualTo(Duration.ofHours(12));
        }

        @Test
        void aStartAtHalfPastTwoOnTheSpringChangeIsAtHalfPastThreeAndOnTheAutumnOneTheFirstHalfPastTwo() {
            var early = new RotationSchedule(date("2026-01-01"), 1, 0, ShiftHours.parse("02:30", "10:00"));

            List<Shift> spring = ShiftPlanner.shifts(early, List.of(), Map.of(), BERLIN, date("2026-03-29"),
                    date("2026-03-29"));
            List<Shift> autumn = ShiftPlanner.shifts(early, List.of(), Map.of(), BERLIN, date("2026-10-25"),
                    date("2026-10-25"));

            assertThat(spring.get(0).start()).isEqualTo(ZonedDateTime.parse("2026-03-29T03:30+02:00[Europe/Berlin]"));
            assertThat(spring.get(0).length()).isEqualTo(Duration.ofMinutes(6 * 60 + 30));
            assertThat(autumn.get(0).start()).isEqualTo(ZonedDateTime.parse("2026-10-25T02:30+02:00[Europe/Berlin]"));
            assertThat(autumn.get(0).length()).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
        }

        @Test
        void aShiftInTheHourTheSpringChangeSkipsMovesOnByAnHourAndIsLeftOutIfThatPutsItsStartPastItsEnd() {
            var moved = new ExtraShift(date("2026-03-29"), ShiftHours.parse("02:00", "02:45"));
            var backwards = new ExtraShift(date("2026-03-29"), ShiftHours.parse("02:30", "03:15"));

            assertThat(roster(ShiftPlanner.shifts(ANNA_2_2, List.of(moved), Map.of(), BERLIN, date("2026-03-29"),
                    date("2026-03-29")))).containsExactly("2026-03-29 03:00-03:45 EXTRA", "2026-03-29 08:00-20:00");
            assertThat(roster(ShiftPlanner.shifts(ANNA_2_2, List.of(backwards), Map.of(), BERLIN, date("2026-03-29"),
                    date("2026-03-29")))).containsExactly("2026-03-29 08:00-20:00");
        }
    }

    @Nested
    class Exceptions {

        @Test
        void aDayOffTakesThatDaysShiftAway() {
            assertThat(annasShifts(List.of(new DayOff(date("2026-03-05"))), "2026-03-01", "2026-03-10"))
                    .extracting(Shift::date).containsExactly(date("2026-03-01"), date("2026-03-02"), date("2026-03-06"),
                            date("2026-03-09"), date("2026-03-10"));
        }

        @Test
        void sickLeaveTakesAwayEveryShiftFromItsFirstToItsLastDate() {
            var sick = new SickLeave(date("2026-03-05"), date("2026-03-09"));

            assertThat(annasShifts(List.of(sick), "2026-03-01", "2026-03-10")).extracting(Shift::date)
                    .containsExactly(date("2026-03-01"), date("2026-03-02"), date("2026-03-10"));
        }

        @Test
        void aNightShiftStartedTheDayBeforeSickLeaveEndsAsPlanned() {
            var nights = new RotationSchedule(date("2026-03-01"), 2, 2, NIGHT);
            List<ScheduleException> sick = List.of(new SickLeave(date("2026-03-03"), date("2026-03-06")));

            List<Shift> shifts = ShiftPlanner.shifts(nights, sick, Map.of(), MOSCOW, date("2026-03-01"),
                    date("2026-03-10"));

            assertThat(shifts).extracting(Shift::date).containsExactly(date("2026-03-01"), date("2026-03-02"),
                    date("2026-03-09"), date("2026-03-10"));
            assertThat(shifts.get(1).end()).isEqualTo(wall("2026-03-03T08:00", MOSCOW));
            assertThat(ShiftPlanner.shiftAt(nights, sick, Map.of(), MOSCOW, at("2026-03-03T07:00", MOSCOW)))
                    .contains(shifts.get(1));
        }

        @Test
        void whoSwapsAWorkingDayAwayIsOffAndTheColleagueWorksItInTheirPlace() {
            List<ScheduleException> annas = List.of(new Swap(date("2026-03-05"), BORIS));
            List<ScheduleException> boriss = List.of(new Swap(date("2026-03-05"), ANNA));

            assertThat(roster(ShiftPlanner.shifts(ANNA_2_2, annas, Map.of(BORIS, BORIS_1_3), MOSCOW,
                    date("2026-03-04"), date("2026-03-06")))).containsExactly("2026-03-06 08:00-20:00");
            assertThat(roster(ShiftPlanner.shifts(BORIS_1_3, boriss, Map.of(ANNA, ANNA_2_2), MOSCOW,
                    date("2026-03-04"), date("2026-03-06")))).containsExactly("2026-03-05 08:00-20:00 SWAPPED");
        }

        @Test
        void whoSwapsADayOffWorksTheColleaguesShiftInItsHoursAndTheColleagueIsOff() {
            List<ScheduleException> annas = List.of(new Swap(date("2026-03-07"), BORIS));
            List<ScheduleException> boriss = List.of(new Swap(date("2026-03-07"), ANNA));

            assertThat(roster(ShiftPlanner.shifts(ANNA_2_2, annas, Map.of(BORIS, BORIS_1_3), MOSCOW,
                    date("2026-03-06"), date("2026-03-08")))).containsExactly("2026-03-06 08:00-20:00",
                    "2026-03-07 09:00-21:00 SWAPPED");
            assertThat(ShiftPlanner.shifts(BORIS_1_3, boriss, Map.of(ANNA, ANNA_2_2), MOSCOW, date("2026-03-06"),
                    date("2026-03-08"))).isEmpty();
        }

        @Test
        void aPartialShiftIsWorkedInsteadOfTheDaysHoursEvenOutsideThem() {
            List<ScheduleException> halfDays = List.of(
                    new PartialShift(date("2026-03-05"), ShiftHours.parse("08:00", "14:00")),
                    new PartialShift(date("2026-03-06"), ShiftHours.parse("14:00", "22:00")));

            assertThat(roster(annasShifts(halfDays, "2026-03-05", "2026-03-06")))
                    .containsExactly("2026-03-05 08:00-14:00 PARTIAL", "2026-03-06 14:00-22:00 PARTIAL");
        }

        @Test
        void anExtraShiftIsAddedOnADayOffAndAfterAPlannedShiftInStartOrder() {
            List<ScheduleException> extras = List.of(
                    new ExtraShift(date("2026-03-06"), ShiftHours.parse("20:00", "23:00")),
                    new ExtraShift(date("2026-03-03"), ShiftHours.parse("10:00", "16:00")));

            assertThat(roster(annasShifts(extras, "2026-03-02", "2026-03-06"))).containsExactly(
                    "2026-03-02 08:00-20:00", "2026-03-03 10:00-16:00 EXTRA", "2026-03-05 08:00-20:00",
                    "2026-03-06 08:00-20:00", "2026-03-06 20:00-23:00 EXTRA");
        }

        @Test
        void sickLeaveAndADayOffWinOverAnythingElseOnTheirDates() {
            // Validation refuses these pairs; the arithmetic still takes nothing but rest from them.
            List<ScheduleException> clashing = List.of(
                    new SickLeave(date("2026-03-05"), date("2026-03-06")),
                    new ExtraShift(date("2026-03-05"), ShiftHours.parse("21:00", "23:00")),
                    new PartialShift(date("2026-03-06"), ShiftHours.parse("08:00", "12:00")),
                    new Swap(date("2026-03-09"), BORIS), new DayOff(date("2026-03-09")));

            assertThat(annasShifts(clashing, "2026-03-05", "2026-03-10")).extracting(Shift::date)
                    .containsExactly(date("2026-03-10"));
        }

        @Test
        void aSwapWithAColleagueWhoseScheduleIsNotGivenIsNotGuessed() {
            assertThatThrownBy(() -> ShiftPlanner.shifts(ANNA_2_2, List.of(new Swap(date("2026-03-05"), VERA)),
                    Map.of(BORIS, BORIS_1_3), MOSCOW, date("2026-03-01"), date("2026-03-10")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The swap on 2026-03-05 is with manager 3, whose schedule was not given");
        }
    }

    @Nested
    class OnShiftAndNextStart {

        @Test
        void aShiftCoversItsStartButNotItsEnd() {
            assertThat(ShiftPlanner.shiftAt(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-02T08:00", MOSCOW)))
                    .map(Shift::date).contains(date("2026-03-02"));
            assertThat(ShiftPlanner.shiftAt(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-02T19:59", MOSCOW)))
                    .isPresent();
            assertThat(ShiftPlanner.shiftAt(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-02T20:00", MOSCOW)))
                    .isEmpty();
            assertThat(ShiftPlanner.shiftAt(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-03T12:00", MOSCOW)))
                    .isEmpty();
        }

        @Test
        void theNextStartAfterASickLeaveIsTheFirstShiftBackAtWork() {
            List<ScheduleException> sick = List.of(new SickLeave(date("2026-03-05"), date("2026-03-09")));

            assertThat(ShiftPlanner.nextStart(ANNA_2_2, sick, Map.of(), MOSCOW, at("2026-03-02T12:00", MOSCOW)))
                    .map(Shift::start).contains(wall("2026-03-10T08:00", MOSCOW));
        }

        @Test
        void theNextStartIsStrictlyAfterTheInstantGiven() {
            assertThat(ShiftPlanner.nextStart(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-02T08:00", MOSCOW)))
                    .map(Shift::start).contains(wall("2026-03-05T08:00", MOSCOW));
            assertThat(ShiftPlanner.nextStart(ANNA_2_2, List.of(), Map.of(), MOSCOW, at("2026-03-02T07:59", MOSCOW)))
                    .map(Shift::start).contains(wall("2026-03-02T08:00", MOSCOW));
        }

        @Test
        void thereIsNoNextStartWhenNoneComesWithinTheSearch() {
            List<ScheduleException> longLeave = List.of(new SickLeave(date("2026-03-01"), date("2027-12-31")));

            assertThat(ShiftPlanner.nextStart(ANNA_2_2, longLeave, Map.of(), MOSCOW, at("2026-03-02T12:00", MOSCOW)))
                    .isEmpty();
        }
    }

    @Nested
    class Validation {

        static void validateAnnas(Schedule schedule, ScheduleException... exceptions) {
            ShiftPlanner.validate(ANNA, schedule, List.of(exceptions), Map.of(BORIS, BORIS_1_3));
        }

        @Test
        void aRotationWithNoWorkingDayOrNegativeDaysOffIsRefused() {
            assertRefused(() -> validateAnnas(new RotationSchedule(date("2026-03-01"), 0, 2, DAY)), "daysOn",
                    "A rotation with no working day");
            assertRefused(() -> validateAnnas(new RotationSchedule(date("2026-03-01"), 2, -1, DAY)), "daysOff",
                    "cannot have -1 days off");
        }

        @Test
        void aWeeklyScheduleWithNoDayIsRefused() {
            assertRefused(() -> validateAnnas(new WeeklySchedule(Map.of())), "days", "no working day");
        }

        @Test
        void hoursWhoseOvernightFlagDisagreesWithTheirTimesAreRefusedAtTheirEnd() {
            var backwards = new ShiftHours(LocalTime.of(20, 0), LocalTime.of(8, 0), false);
            var notOvernight = new ShiftHours(LocalTime.of(8, 0), LocalTime.of(20, 0), true);

            assertRefused(() -> validateAnnas(new WeeklySchedule(Map.of(DayOfWeek.MONDAY, backwards))),
                    "days.MONDAY.end", "mark it overnight");
            assertRefused(() -> validateAnnas(new RotationSchedule(date("2026-03-01"), 2, 2, notOvernight)),
                    "hours.end", "08:00-20:00 ends the same day");
            assertRefused(() -> validateAnnas(ANNA_2_2, new ExtraShift(date("2026-03-03"), backwards)),
                    "exceptions[0].hours.end", "mark it overnight");
        }

        @Test
        void aWeeklyNightRunningIntoTheNextDaysShiftIsRefused() {
            var weekly = new WeeklySchedule(Map.of(DayOfWeek.SUNDAY, NIGHT, DayOfWeek.MONDAY,
                    ShiftHours.parse("06:00", "14:00")));

            assertRefused(() -> validateAnnas(weekly), "days.MONDAY.start",
                    "SUNDAY's shift runs until 08:00 on MONDAY, after MONDAY's starts at 06:00");
        }

        @Test
        void twoExceptionsOnOneDateAreRefused() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new DayOff(date("2026-03-05")),
                    new PartialShift(date("2026-03-05"), ShiftHours.parse("08:00", "12:00"))), "exceptions[1].date",
                    "exceptions[0] is on 2026-03-05 too");
        }

        @Test
        void aRangeOverlappingAnotherExceptionIsRefusedSoIsASwapOnASickDay() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new DayOff(date("2026-03-06")),
                    new SickLeave(date("2026-03-04"), date("2026-03-08"))), "exceptions[1].from",
                    "exceptions[0] is on 2026-03-06 too");
            assertRefused(() -> validateAnnas(ANNA_2_2, new SickLeave(date("2026-03-04"), date("2026-03-08")),
                    new Swap(date("2026-03-05"), BORIS)), "exceptions[1].date", "exceptions[0] is on 2026-03-05 too");
        }

        @Test
        void anExtraShiftOverlappingAPlannedShiftIsRefusedOneTouchingItIsNot() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new ExtraShift(date("2026-03-05"),
                    ShiftHours.parse("19:00", "22:00"))), "exceptions[0].hours",
                    "The extra shift 19:00-22:00 on 2026-03-05 overlaps the shift planned on 2026-03-05, 08:00-20:00");
            assertRefused(() -> validateAnnas(ANNA_2_2, new ExtraShift(date("2026-03-04"),
                    ShiftHours.night("22:00", "09:00"))), "exceptions[0].hours", "the shift planned on 2026-03-05");
            assertThatCode(() -> validateAnnas(ANNA_2_2, new ExtraShift(date("2026-03-05"),
                    ShiftHours.parse("20:00", "23:00")))).doesNotThrowAnyException();
        }

        @Test
        void sickLeaveEndingBeforeItStartsIsRefusedAtItsEnd() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new SickLeave(date("2026-03-09"), date("2026-03-05"))),
                    "exceptions[0].to", "ends on 2026-03-05, before it starts on 2026-03-09");
        }

        @Test
        void aSwapWithOneselfOutsideTheTeamOrWithNobodyWorkingIsRefused() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new Swap(date("2026-03-05"), ANNA)),
                    "exceptions[0].colleagueId", "not with manager 1 themselves");
            assertRefused(() -> validateAnnas(ANNA_2_2, new Swap(date("2026-03-05"), VERA)),
                    "exceptions[0].colleagueId", "Manager 3 is not a colleague");
            assertRefused(() -> validateAnnas(ANNA_2_2, new Swap(date("2026-03-04"), BORIS)), "exceptions[0].date",
                    "Neither manager works on 2026-03-04");
        }

        @Test
        void aPartialShiftOnADayOffOrOfTwentyFourHoursIsRefused() {
            assertRefused(() -> validateAnnas(ANNA_2_2, new PartialShift(date("2026-03-03"),
                    ShiftHours.parse("08:00", "12:00"))), "exceptions[0].date", "No shift is planned on 2026-03-03");
            assertRefused(() -> validateAnnas(ANNA_2_2, new PartialShift(date("2026-03-05"),
                    ShiftHours.night("08:00", "08:00"))), "exceptions[0].hours.end", "A partial shift of 24 hours");
        }

        @Test
        void aMonthAsTheClinicPlansItIsAccepted() {
            assertThatCode(() -> validateAnnas(ANNA_2_2,
                    new DayOff(date("2026-03-02")),
                    new SickLeave(date("2026-03-09"), date("2026-03-13")),
                    new Swap(date("2026-03-05"), BORIS),
                    new Swap(date("2026-03-07"), BORIS),
                    new PartialShift(date("2026-03-06"), ShiftHours.parse("14:00", "22:00")),
                    new ExtraShift(date("2026-03-03"), ShiftHours.parse("10:00", "16:00"))))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class TimesAsTyped {

        @Test
        void hoursAreReadFromHhMm() {
            assertThat(ShiftHours.parse("08:00", "20:00")).isEqualTo(
                    new ShiftHours(LocalTime.of(8, 0), LocalTime.of(20, 0), false));
            assertThat(ShiftHours.night("20:00", "08:00")).isEqualTo(
                    new ShiftHours(LocalTime.of(20, 0), LocalTime.of(8, 0), true));
            assertThat(ShiftHours.parse("days.MONDAY", "09:30", "18:45", false).endsNextDay()).isFalse();
            // start == end is a whole day and night, so it is overnight.
            assertThat(ShiftHours.night("08:00", "08:00").endsNextDay()).isTrue();
        }

        @Test
        void hoursNotInHhMmOrBackwardsAreRefusedNamingTheFieldGiven() {
            assertRefused(() -> ShiftHours.parse("days.MONDAY", "8:00", "20:00", false), "days.MONDAY.start",
                    "'8:00' is not a time: give it as HH:mm");
            assertRefused(() -> ShiftHours.parse("hours", "20:00", "24:00", true), "hours.end", "'24:00' is not a time");
            assertRefused(() -> ShiftHours.parse("exceptions[1].hours", "20:00", "08:00", false),
                    "exceptions[1].hours.end", "mark it overnight");
            assertRefused(() -> ShiftHours.parse("08:00", "08:00"), "end", "mark it overnight");
            assertRefused(() -> ShiftHours.night("08:00", "20:00"), "end", "ends the same day");
        }

        @Test
        void sweepTimesAreReadInTheOrderOfTheDay() {
            assertThat(SweepTimes.parse(List.of("14:00", "08:15", "00:00", "23:59"))).containsExactly(
                    LocalTime.of(0, 0), LocalTime.of(8, 15), LocalTime.of(14, 0), LocalTime.of(23, 59));
            assertThat(SweepTimes.parse(List.of())).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"8:15", "24:00", "08:15x", "08:60", "08:15:00", " 08:15", "", "٠٨:١٥"})
        void aSweepTimeNotInHhMmIsRefusedByItsIndex(String time) {
            assertRefused(() -> SweepTimes.parse(List.of("08:15", time)), "sweepTimes[1]",
                    "'" + time + "' is not a time: give it as HH:mm, on the 24-hour clock with two digits each");
        }

        @Test
        void aMissingOrRepeatedSweepTimeIsRefusedByItsIndex() {
            assertRefused(() -> SweepTimes.parse(Arrays.asList("08:15", null)), "sweepTimes[1]", "A time is missing");
            assertRefused(() -> SweepTimes.parse(List.of("08:15", "14:00", "08:15")), "sweepTimes[2]",
                    "08:15 is sweepTimes[0] already");
        }
    }
}

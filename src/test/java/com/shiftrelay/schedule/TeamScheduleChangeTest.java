package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.web.InvalidFieldException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamScheduleChangeTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");

    static void assertRefused(String timeZone, List<String> sweepTimes, String field, String message) {
        assertThatThrownBy(() -> TeamScheduleChange.parse(timeZone, null, sweepTimes))
                .isInstanceOfSatisfying(InvalidFieldException.class, problem -> {
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.getMessage()).contains(message);
                });
    }

    @Test
    void aTeamWithoutSettingsHasTheDefaults() {
        TeamSchedule settings = new TeamSchedule(1);

        assertThat(settings.zone(MOSCOW)).isEqualTo(MOSCOW);
        assertThat(settings.overtimeAllowed()).isTrue();
        assertThat(settings.sweepTimes()).isEmpty();
    }

    @Test
    void whatIsAskedIsAppliedAndWhatIsLeftOutStays() {
        TeamSchedule settings = new TeamSchedule(1);

        assertThat(TeamScheduleChange.parse("Asia/Yekaterinburg", false, List.of("14:00", "08:15"))
                .applyTo(settings, MOSCOW)).isTrue();
        assertThat(TeamScheduleChange.parse(null, null, null).asksNothing()).isTrue();
        assertThat(TeamScheduleChange.parse(null, null, null).applyTo(settings, MOSCOW)).isFalse();

        assertThat(settings.zone(MOSCOW)).isEqualTo(YEKATERINBURG);
        assertThat(settings.overtimeAllowed()).isFalse();
        assertThat(settings.sweepTimes()).containsExactly(LocalTime.of(8, 15), LocalTime.of(14, 0));
    }

    @Test
    void onlyAnotherZoneOrOtherSweepTimesCountAsAMove() {
        TeamSchedule settings = new TeamSchedule(1);

        assertThat(TeamScheduleChange.parse(null, false, null).applyTo(settings, MOSCOW)).as("overtime only").isFalse();
        assertThat(TeamScheduleChange.parse("Europe/Moscow", null, null).applyTo(settings, MOSCOW))
                .as("the default zone, named").isFalse();
        assertThat(TeamScheduleChange.parse(null, null, List.of("08:15")).applyTo(settings, MOSCOW)).isTrue();
        assertThat(TeamScheduleChange.parse(null, null, List.of("08:15")).applyTo(settings, MOSCOW)).isFalse();
        assertThat(TeamScheduleChange.parse(null, null, List.of()).applyTo(settings, MOSCOW)).as("cleared").isTrue();
        assertThat(settings.sweepTimes()).isEmpty();
        assertThat(TeamScheduleChange.parse("Asia/Yekaterinburg", null, null).applyTo(settings, MOSCOW)).isTrue();
        assertThat(TeamScheduleChange.parse("default", null, null).applyTo(settings, MOSCOW)).isTrue();
        assertThat(settings.zone(MOSCOW)).isEqualTo(MOSCOW);
    }

    @Test
    void anUnknownZoneOrABadSweepTimeIsRefusedByItsField() {
        assertRefused("Europe/Moskva", null, "timeZone", "'Europe/Moskva' is not a time zone");
        assertRefused("", null, "timeZone", "is not a time zone");
        assertRefused(null, List.of("08:15", "8:15"), "sweepTimes[1]", "not a time");
        assertRefused(null, Collections.nCopies(49, "08:15"), "sweepTimes", "48 at the most");
    }
}

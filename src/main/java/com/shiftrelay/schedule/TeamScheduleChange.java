package com.shiftrelay.schedule;

import com.shiftrelay.web.InvalidFieldException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A change to a team's schedule settings as an admin asks for it, read and checked before anything is changed
 * ({@link #parse}); a setting not asked for stays as it is. Applied by {@link ScheduleChanges#changeTeam}.
 */
public final class TeamScheduleChange {

    /** More would be a sweep every half hour: a typo or a misunderstanding, not a schedule. */
    static final int MOST_SWEEPS = 48;
    private static final String DEFAULT = "default";

    private final boolean zoneAsked;
    private final ZoneId zone;
    private final Boolean overtimeAllowed;
    private final List<LocalTime> sweepTimes;

    private TeamScheduleChange(boolean zoneAsked, ZoneId zone, Boolean overtimeAllowed, List<LocalTime> sweepTimes) {
        this.zoneAsked = zoneAsked;
        this.zone = zone;
        this.overtimeAllowed = overtimeAllowed;
        this.sweepTimes = sweepTimes;
    }

    /**
     * {@code timeZone}: a zone id such as Europe/Moscow, or "default"; {@code sweepTimes}: HH:mm each, [] for none.
     * Null leaves a setting as it is. A bad one is refused naming {@code timeZone} or {@code sweepTimes[i]}.
     */
    public static TeamScheduleChange parse(String timeZone, Boolean overtimeAllowed, List<String> sweepTimes) {
        ZoneId zone = timeZone == null || DEFAULT.equals(timeZone) ? null : zone(timeZone);
        if (sweepTimes != null && sweepTimes.size() > MOST_SWEEPS) {
            throw new InvalidFieldException("sweepTimes", sweepTimes.size() + " sweep times: a team has "
                    + MOST_SWEEPS + " at the most");
        }
        return new TeamScheduleChange(timeZone != null, zone, overtimeAllowed,
                sweepTimes == null ? null : SweepTimes.parse(sweepTimes));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "'" + id + "' is not a time zone: give a zone id such as"
                    + " Europe/Moscow or Asia/Yekaterinburg, or \"default\"");
        }
    }

    boolean asksNothing() {
        return !zoneAsked && overtimeAllowed == null && sweepTimes == null;
    }

    /** Changes the settings as asked; answers whether the team's zone or sweep times are now other than before. */
    boolean applyTo(TeamSchedule settings, ZoneId defaultZone) {
        ZoneId zoneBefore = settings.zone(defaultZone);
        List<LocalTime> sweepsBefore = settings.sweepTimes();
        if (zoneAsked) {
            settings.setZone(zone);
        }
        if (overtimeAllowed != null) {
            settings.setOvertimeAllowed(overtimeAllowed);
        }
        if (sweepTimes != null) {
            settings.setSweepTimes(sweepTimes);
        }
        return !Objects.equals(zoneBefore, settings.zone(defaultZone)) || !sweepsBefore.equals(settings.sweepTimes());
    }
}

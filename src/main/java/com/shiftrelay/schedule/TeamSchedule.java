package com.shiftrelay.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A team's schedule settings: its time zone (null: the default), overtime, and its sweep times. */
@Entity
@Table(name = "team_schedule")
class TeamSchedule {

    @Id
    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(name = "overtime_allowed", nullable = false)
    private boolean overtimeAllowed = true;

    /** HH:mm, comma-separated, in the order of the day; empty: no sweeps. */
    @Column(name = "sweep_times", nullable = false, length = 300)
    private String sweepTimes = "";

    protected TeamSchedule() {
    }

    TeamSchedule(long teamId) {
        this.teamId = teamId;
    }

    ZoneId zone(ZoneId fallback) {
        return timeZone == null ? fallback : ZoneId.of(timeZone);
    }

    /** {@code null}: the default zone. */
    void setZone(ZoneId zone) {
        this.timeZone = zone == null ? null : zone.getId();
    }

    boolean overtimeAllowed() {
        return overtimeAllowed;
    }

    void setOvertimeAllowed(boolean overtimeAllowed) {
        this.overtimeAllowed = overtimeAllowed;
    }

    List<LocalTime> sweepTimes() {
        return sweepTimes.isEmpty() ? List.of()
                : Arrays.stream(sweepTimes.split(",")).map(LocalTime::parse).sorted().toList();
    }

    /** {@code times}: as {@link SweepTimes#parse} gives them, each once in the order of the day. */
    void setSweepTimes(List<LocalTime> times) {
        this.sweepTimes = times.stream().map(LocalTime::toString).collect(Collectors.joining(","));
    }
}

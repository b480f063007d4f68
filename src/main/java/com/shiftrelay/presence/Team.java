package com.shiftrelay.presence;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** A team of managers (a CRM group) with the settings its admin may change. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    /** Overrides the default inactivity interval for this team; null = default. */
    @Column(name = "inactivity_interval_seconds")
    private Integer inactivityIntervalSeconds;

    /** Off = "distribute new deals only": an OFFLINE manager keeps their deals. */
    @Column(name = "handover_enabled", nullable = false)
    private boolean handoverEnabled = true;

    @Column(name = "return_enabled", nullable = false)
    private boolean returnEnabled = true;

    /** Overrides the default time a manager of this team has to answer the presence check; null = default. */
    @Column(name = "confirmation_timeout_seconds")
    private Integer confirmationTimeoutSeconds;

    /** What a paused work day means for the team; null follows {@code shiftrelay.presence.work-day-pause}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "work_day_pause")
    private PresenceProperties.WorkDayPause workDayPause;

    protected Team() {
    }

    public Team(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Duration inactivityInterval(Duration fallback) {
        return inactivityIntervalSeconds == null ? fallback : Duration.ofSeconds(inactivityIntervalSeconds);
    }

    public Integer getInactivityIntervalSeconds() {
        return inactivityIntervalSeconds;
    }

    public void setInactivityInterval(Duration interval) {
        this.inactivityIntervalSeconds = interval == null ? null : Math.toIntExact(interval.toSeconds());
    }

    public Duration confirmationTimeout(Duration fallback) {
        return confirmationTimeoutSeconds == null ? fallback : Duration.ofSeconds(confirmationTimeoutSeconds);
    }

    /** {@code null} restores the default. */
    public void setConfirmationTimeout(Duration timeout) {
        this.confirmationTimeoutSeconds = timeout == null ? null : Math.toIntExact(timeout.toSeconds());
    }

    public boolean isHandoverEnabled() {
        return handoverEnabled;
    }

    public void setHandoverEnabled(boolean handoverEnabled) {
        this.handoverEnabled = handoverEnabled;
    }

    public boolean isReturnEnabled() {
        return returnEnabled;
    }

    public void setReturnEnabled(boolean returnEnabled) {
        this.returnEnabled = returnEnabled;
    }

    public PresenceProperties.WorkDayPause workDayPause(PresenceProperties.WorkDayPause fallback) {
        return workDayPause == null ? fallback : workDayPause;
    }

    /** {@code null} restores the default. */
    public void setWorkDayPause(PresenceProperties.WorkDayPause pause) {
        this.workDayPause = pause;
    }
}

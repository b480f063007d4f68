package com.shiftrelay.presence;

import com.shiftrelay.crm.WorkDay;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A CRM user who works in shifts. The id is the CRM user id; the login is the Camunda user id used in
 * Tasklist.
 */
@Entity
@Table(name = "manager")
public class Manager {

    @Id
    private Long id;

    @Column(nullable = false, unique = true)
    private String login;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "team_id")
    private Long teamId;

    @Column(nullable = false)
    private boolean active = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PresenceState state = PresenceState.OFFLINE;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "last_confirmed_at")
    private Instant lastConfirmedAt;

    /** The work day on the CRM's time clock when last read; written by {@link Managers#noteWorkDay} only. */
    @Enumerated(EnumType.STRING)
    @Column(name = "work_day")
    private WorkDay workDay;

    @Version
    private long version;

    protected Manager() {
    }

    public Manager(long id, String login, String name, String email, Long teamId, Instant now) {
        this.id = id;
        this.login = login;
        this.name = name;
        this.email = email;
        this.teamId = teamId;
        this.stateChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Long getTeamId() {
        return teamId;
    }

    public boolean isActive() {
        return active;
    }

    public PresenceState getState() {
        return state;
    }

    public Instant getStateChangedAt() {
        return stateChangedAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getLastConfirmedAt() {
        return lastConfirmedAt;
    }

    public void updateFromCrm(String name, String email, Long teamId, boolean active) {
        this.name = name;
        this.email = email;
        this.teamId = teamId;
        this.active = active;
    }

    /** Keeps the latest activity; events may arrive late or twice. */
    public void noteActivity(Instant at) {
        if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
    }

    public WorkDay getWorkDay() {
        return workDay;
    }

    public void noteConfirmation(Instant at) {
        if (lastConfirmedAt == null || at.isAfter(lastConfirmedAt)) {
            lastConfirmedAt = at;
        }
        noteActivity(at);
    }

    public void moveTo(PresenceState newState, Instant now) {
        if (state != newState) {
            state = newState;
            stateChangedAt = now;
        }
    }

    /** Activity after the manager went OFFLINE (or started being asked). */
    public boolean activeSinceStateChange() {
        return lastActivityAt != null && lastActivityAt.isAfter(stateChangedAt);
    }

    public boolean confirmedSinceStateChange() {
        return lastConfirmedAt != null && lastConfirmedAt.isAfter(stateChangedAt);
    }
}

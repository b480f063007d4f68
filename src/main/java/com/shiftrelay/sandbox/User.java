package com.shiftrelay.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An amoCRM user in the sandbox. */
@Entity(name = "SandboxUser")
@Table(name = "sandbox_users")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "group_id")
    private Long groupId;

    @Column(nullable = false)
    private boolean active = true;

    /** The work day as Bitrix24's time management reports it (timeman.status): OPENED, PAUSED, CLOSED or EXPIRED. */
    @Column(name = "work_day", nullable = false)
    private String workDay = "OPENED";

    @Column(name = "work_day_since")
    private Instant workDaySince;

    protected User() {
    }

    User(String name, String email, Long groupId) {
        this.name = name;
        this.email = email;
        this.groupId = groupId;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    /** The part of the email before "@": what the user signs in to Tasklist with. */
    String login() {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    Long getGroupId() {
        return groupId;
    }

    boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    String getWorkDay() {
        return workDay;
    }

    Instant getWorkDaySince() {
        return workDaySince;
    }

    /** Whether the status changed. */
    boolean setWorkDay(String status, Instant at) {
        if (status.equals(workDay)) {
            return false;
        }
        workDay = status;
        workDaySince = at;
        return true;
    }
}

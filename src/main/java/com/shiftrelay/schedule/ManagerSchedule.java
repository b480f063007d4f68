package com.shiftrelay.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A manager's schedule as stored: its kind and, as {@link ScheduleJson} writes it, its rule. */
@Entity
@Table(name = "manager_schedule")
class ManagerSchedule {

    enum Kind {
        WEEKLY, ROTATION
    }

    @Id
    @Column(name = "manager_id")
    private Long managerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false, length = 2000)
    private String data;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ManagerSchedule() {
    }

    ManagerSchedule(long managerId) {
        this.managerId = managerId;
    }

    long managerId() {
        return managerId;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Schedule schedule() {
        return ScheduleJson.read(kind, data);
    }

    void replace(Schedule schedule, Instant now) {
        this.kind = schedule instanceof WeeklySchedule ? Kind.WEEKLY : Kind.ROTATION;
        this.data = ScheduleJson.write(schedule);
        this.updatedAt = now;
    }
}

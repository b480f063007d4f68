package com.shiftrelay.handover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of handing a manager's deals over (or back); its moves are the ledger. */
@Entity
@Table(name = "handover")
public class Handover {

    /**
     * Whether deals leave an OFFLINE manager or come back to a returning one, or (runs of a team, with no manager)
     * a new deal is given to a manager or a team's queue is dealt out.
     */
    public enum Kind { HANDOVER, RETURN, ASSIGNMENT, DRAIN }

    /** PLANNED: moves being written; WAITING: nobody to take the deals; DONE; SUPERSEDED by a later run. */
    public enum Status { PLANNED, WAITING, DONE, SUPERSEDED }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** The manager who left (hand-over) or came back (return); null for a team's runs. */
    @Column(name = "manager_id")
    private Long managerId;

    @Column(name = "team_id")
    private Long teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "batch_count", nullable = false)
    private int batchCount;

    protected Handover() {
    }

    Handover(Kind kind, Long managerId, Long teamId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.managerId = managerId;
        this.teamId = teamId;
        this.status = Status.PLANNED;
        this.createdAt = now;
    }

    public String getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getManagerId() {
        return managerId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public int getBatchCount() {
        return batchCount;
    }

    void planned(int batchCount) {
        this.batchCount = batchCount;
        this.status = Status.PLANNED;
    }

    void waiting() {
        this.status = Status.WAITING;
    }

    void supersede(Instant now) {
        this.status = Status.SUPERSEDED;
        this.completedAt = now;
    }

    void complete(Instant now) {
        if (status != Status.DONE) {
            this.status = Status.DONE;
            this.completedAt = now;
        }
    }
}

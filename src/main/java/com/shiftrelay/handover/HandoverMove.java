package com.shiftrelay.handover;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A ledger row: deal {@code dealId} goes from {@code fromId} to {@code toId} in hand-over
 * {@code handoverId}. (handover, deal) is unique, so a retried batch cannot move a deal twice.
 */
@Entity
@Table(name = "handover_move")
public class HandoverMove {

    /** PLANNED: to be written to the CRM; WRITTEN: the CRM has it; WAITING: nobody could take it yet. */
    public enum Status { PLANNED, WRITTEN, WAITING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "handover_id", nullable = false)
    private String handoverId;

    @Column(name = "deal_id", nullable = false)
    private Long dealId;

    /** Whose deal it is: the responsible before any hand-over took it away. */
    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "from_id", nullable = false)
    private Long fromId;

    @Column(name = "to_id")
    private Long toId;

    @Column(name = "batch_no", nullable = false)
    private int batchNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    @Column(name = "written_at")
    private Instant writtenAt;

    protected HandoverMove() {
    }

    HandoverMove(String handoverId, long dealId, long ownerId, long fromId, Long toId, int batchNo,
                 Status status, Instant now) {
        this.handoverId = handoverId;
        this.dealId = dealId;
        this.ownerId = ownerId;
        this.fromId = fromId;
        this.toId = toId;
        this.batchNo = batchNo;
        this.status = status;
        this.plannedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getHandoverId() {
        return handoverId;
    }

    public Long getDealId() {
        return dealId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getFromId() {
        return fromId;
    }

    public Long getToId() {
        return toId;
    }

    public int getBatchNo() {
        return batchNo;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    void written(Instant now) {
        this.status = Status.WRITTEN;
        this.writtenAt = now;
    }
}

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

    /**
     * PLANNED: to be written to the CRM; WRITTEN: the CRM has it; WAITING: nobody could take it yet; SKIPPED:
     * left alone because the deal changed in the CRM after planning (reassigned or closed by a person, pinned,
     * gone) or its new owner is no longer at work; REJECTED: the CRM refused the change. {@code note} says why.
     */
    public enum Status { PLANNED, WRITTEN, WAITING, SKIPPED, REJECTED }

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

    /** When the deal was last seen in the CRM as planned; a batch re-reads deals not seen recently. */
    @Column(name = "checked_at")
    private Instant checkedAt;

    /** Why the move was skipped, rejected, redirected or waits, in words an admin reads. */
    @Column(name = "note", length = 500)
    private String note;

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

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getNote() {
        return note;
    }

    boolean checkedSince(Instant since) {
        return checkedAt != null && !checkedAt.isBefore(since);
    }

    void checked(Instant now) {
        this.checkedAt = now;
    }

    void written(Instant now) {
        this.status = Status.WRITTEN;
        this.writtenAt = now;
    }

    void skip(String why) {
        this.status = Status.SKIPPED;
        this.note = clip(why);
    }

    void reject(String why) {
        this.status = Status.REJECTED;
        this.note = clip(why);
    }

    void waitForColleague(String why) {
        this.status = Status.WAITING;
        this.toId = null;
        this.note = clip(why);
    }

    /** The planned colleague left; the deal goes to another one who is at work. */
    void redirect(long newToId, String why) {
        this.toId = newToId;
        this.note = clip(why);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}

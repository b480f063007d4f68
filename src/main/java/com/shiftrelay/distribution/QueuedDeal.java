package com.shiftrelay.distribution;

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
 * A deal that nobody eligible could take, waiting in its team's queue (first in, first out). A deal waits at most
 * once at a time: {@code waitingDealId} repeats the deal's id while it waits, and a unique key guards it.
 */
@Entity
@Table(name = "queued_deal")
public class QueuedDeal {

    /**
     * WAITING: in the queue; PLANNED: a drain has chosen its manager and is writing it to the CRM; ASSIGNED: it went
     * to a manager; LEFT: it no longer needs one (closed, given to somebody by a person, gone from the CRM).
     */
    public enum Status { WAITING, PLANNED, ASSIGNED, LEFT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "team_id", nullable = false)
    private long teamId;

    @Column(name = "deal_id", nullable = false)
    private long dealId;

    @Column(name = "waiting_deal_id")
    private Long waitingDealId;

    /** The place in the queue: the stored webhook event's id, so the CRM's order wins over the order of the jobs. */
    @Column(nullable = false)
    private long arrival;

    @Column(name = "deal_name")
    private String dealName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "enqueued_at", nullable = false)
    private Instant enqueuedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "run_id")
    private String runId;

    @Column(name = "assigned_to")
    private Long assignedTo;

    @Column(name = "rule_id")
    private String ruleId;

    private String strategy;

    @Column(length = 500)
    private String note;

    protected QueuedDeal() {
    }

    QueuedDeal(long teamId, long dealId, long arrival, String dealName, Route route, Strategy strategy, Instant now) {
        this.teamId = teamId;
        this.arrival = arrival;
        this.dealId = dealId;
        this.waitingDealId = dealId;
        this.dealName = dealName;
        this.status = Status.WAITING;
        this.enqueuedAt = now;
        this.ruleId = route == null ? null : route.ruleId();
        this.strategy = strategy == null ? null : strategy.name();
    }

    public Long getId() {
        return id;
    }

    public long getTeamId() {
        return teamId;
    }

    public long getDealId() {
        return dealId;
    }

    public long getArrival() {
        return arrival;
    }

    public String getDealName() {
        return dealName;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getEnqueuedAt() {
        return enqueuedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    public String getRunId() {
        return runId;
    }

    public Long getAssignedTo() {
        return assignedTo;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getNote() {
        return note;
    }

    boolean isWaiting() {
        return status == Status.WAITING;
    }

    void planned(String runId, long managerId) {
        this.status = Status.PLANNED;
        this.runId = runId;
        this.assignedTo = managerId;
    }

    void assigned(Instant now) {
        this.status = Status.ASSIGNED;
        this.waitingDealId = null;
        this.leftAt = now;
    }

    /** The drain could not write it after all (its manager left meanwhile): it waits again, in its old place. */
    void waitAgain(String why) {
        this.status = Status.WAITING;
        this.runId = null;
        this.assignedTo = null;
        this.note = why;
    }

    void left(String why, Instant now) {
        this.status = Status.LEFT;
        this.waitingDealId = null;
        this.leftAt = now;
        this.note = why == null || why.length() <= 500 ? why : why.substring(0, 497) + "...";
    }
}

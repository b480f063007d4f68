package com.shiftrelay.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One decision about one deal, as the assignment log keeps it: what happened, by which rule and strategy, to whom,
 * and every candidate passed over with the reason. Written by {@link AssignmentLog}; read by the API.
 */
@Entity
@Table(name = "assignment_log")
public class AssignmentEntry {

    /**
     * ASSIGNED: a new (or re-routed) deal was given to a manager; QUEUED: nobody eligible, it waits in its team's
     * queue; DEALT_FROM_QUEUE: the queue gave it to a manager; HANDED_OVER: its manager left and it went to a
     * colleague; RETURNED: it came back to its owner; LEFT_ALONE: ShiftRelay decided not to move it (the note says
     * why); LEFT_QUEUE: it stopped waiting without ShiftRelay (closed, moved by a person); REASSIGNED_IN_CRM: a person
     * gave it to somebody in the CRM.
     */
    public enum Kind {
        ASSIGNED, QUEUED, DEALT_FROM_QUEUE, HANDED_OVER, RETURNED, LEFT_ALONE, LEFT_QUEUE, REASSIGNED_IN_CRM
    }

    @Id
    private Long id;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "deal_id", nullable = false)
    private long dealId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "run_id")
    private String runId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "rule_id")
    private String ruleId;

    @Column(name = "rule_annotation", length = 2000)
    private String ruleAnnotation;

    @Column(name = "decision_version")
    private Integer decisionVersion;

    private String strategy;

    @Column(name = "manager_id")
    private Long managerId;

    @Column(name = "from_manager_id")
    private Long fromManagerId;

    @Column(length = 4000)
    private String skipped;

    @Column(length = 500)
    private String note;

    protected AssignmentEntry() {
    }

    public Long getId() {
        return id;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public long getDealId() {
        return dealId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRunId() {
        return runId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getRuleAnnotation() {
        return ruleAnnotation;
    }

    public Integer getDecisionVersion() {
        return decisionVersion;
    }

    public String getStrategy() {
        return strategy;
    }

    public Long getManagerId() {
        return managerId;
    }

    public Long getFromManagerId() {
        return fromManagerId;
    }

    public String getNote() {
        return note;
    }

    /** How many candidates were passed over beyond those {@link #skipped()} lists. */
    public int moreSkipped() {
        if (skipped == null || !skipped.contains(",+")) {
            return 0;
        }
        return Integer.parseInt(skipped.substring(skipped.lastIndexOf(",+") + 2));
    }

    /** The candidates passed over, by manager id (the first hundred; {@link #moreSkipped()} counts the rest). */
    public List<AssignmentPlanner.Skip> skipped() {
        if (skipped == null || skipped.isBlank()) {
            return List.of();
        }
        return Arrays.stream(skipped.split(",")).filter(pair -> !pair.startsWith("+")).map(pair -> pair.split(":"))
                .map(pair -> new AssignmentPlanner.Skip(Long.parseLong(pair[0]), SkipReason.valueOf(pair[1])))
                .toList();
    }
}

package com.shiftrelay.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** How a team's deals are dealt out, as its admin set it; a team without a row has every default. */
@Entity
@Table(name = "team_distribution")
public class TeamDistribution {

    /** The field's practice: a deal that waits a quarter of an hour needs somebody to look at it. */
    public static final Duration DEFAULT_QUEUE_WAIT_LIMIT = Duration.ofMinutes(15);
    public static final String DEFAULT_SUPERVISOR_GROUP = "supervisors";
    public static final Strategy DEFAULT_STRATEGY = Strategy.LEAST_LOADED;

    @Id
    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "max_open_deals")
    private Integer maxOpenDeals;

    @Column(name = "default_strategy")
    private String defaultStrategy;

    @Column(name = "drain_delay_seconds", nullable = false)
    private int drainDelaySeconds;

    @Column(name = "queue_wait_limit_seconds")
    private Integer queueWaitLimitSeconds;

    @Column(name = "supervisor_group")
    private String supervisorGroup;

    protected TeamDistribution() {
    }

    public TeamDistribution(long teamId) {
        this.teamId = teamId;
    }

    public Long getTeamId() {
        return teamId;
    }

    /** The most open deals a manager of the team may hold before new ones pass them by; null = no cap. */
    public Integer getMaxOpenDeals() {
        return maxOpenDeals;
    }

    public void setMaxOpenDeals(Integer maxOpenDeals) {
        this.maxOpenDeals = maxOpenDeals;
    }

    public Strategy defaultStrategy() {
        return defaultStrategy == null ? DEFAULT_STRATEGY : Strategy.parse(defaultStrategy);
    }

    public void setDefaultStrategy(Strategy strategy) {
        this.defaultStrategy = strategy == null ? null : strategy.name();
    }

    public Duration drainDelay() {
        return Duration.ofSeconds(drainDelaySeconds);
    }

    public void setDrainDelay(Duration delay) {
        this.drainDelaySeconds = delay == null ? 0 : Math.toIntExact(delay.toSeconds());
    }

    public Duration queueWaitLimit() {
        return queueWaitLimitSeconds == null ? DEFAULT_QUEUE_WAIT_LIMIT : Duration.ofSeconds(queueWaitLimitSeconds);
    }

    public void setQueueWaitLimit(Duration limit) {
        this.queueWaitLimitSeconds = limit == null ? null : Math.toIntExact(limit.toSeconds());
    }

    public String supervisorGroup() {
        return supervisorGroup == null ? DEFAULT_SUPERVISOR_GROUP : supervisorGroup;
    }

    public void setSupervisorGroup(String group) {
        this.supervisorGroup = group;
    }
}

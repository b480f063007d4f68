package com.shiftrelay.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A manager's share of the weighted strategy and their own cap, where the admin set them. */
@Entity
@Table(name = "manager_distribution")
public class ManagerDistribution {

    public static final int DEFAULT_WEIGHT = 1;

    @Id
    @Column(name = "manager_id")
    private Long managerId;

    private Integer weight;

    @Column(name = "max_open_deals")
    private Integer maxOpenDeals;

    protected ManagerDistribution() {
    }

    public ManagerDistribution(long managerId) {
        this.managerId = managerId;
    }

    public Long getManagerId() {
        return managerId;
    }

    public int weight() {
        return weight == null ? DEFAULT_WEIGHT : weight;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    /** The manager's own cap; null = the team's. */
    public Integer getMaxOpenDeals() {
        return maxOpenDeals;
    }

    public void setMaxOpenDeals(Integer maxOpenDeals) {
        this.maxOpenDeals = maxOpenDeals;
    }
}

package com.shiftrelay.distribution;

import org.springframework.data.jpa.repository.JpaRepository;

/** Teams' distribution settings. */
public interface TeamDistributions extends JpaRepository<TeamDistribution, Long> {

    default TeamDistribution of(long teamId) {
        return findById(teamId).orElseGet(() -> new TeamDistribution(teamId));
    }
}

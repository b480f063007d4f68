package com.shiftrelay.distribution;

import org.springframework.data.jpa.repository.JpaRepository;

/** Managers' distribution settings. */
public interface ManagerDistributions extends JpaRepository<ManagerDistribution, Long> {
}

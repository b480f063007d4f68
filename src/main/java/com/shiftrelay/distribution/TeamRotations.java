package com.shiftrelay.distribution;

import org.springframework.data.jpa.repository.JpaRepository;

/** Teams' rotations. */
public interface TeamRotations extends JpaRepository<TeamRotation, Long> {
}

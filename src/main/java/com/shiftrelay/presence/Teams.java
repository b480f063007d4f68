package com.shiftrelay.presence;

import org.springframework.data.jpa.repository.JpaRepository;

/** All teams known from the CRM. */
public interface Teams extends JpaRepository<Team, Long> {
}

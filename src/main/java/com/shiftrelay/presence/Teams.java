package com.shiftrelay.presence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All teams known from the CRM. */
public interface Teams extends JpaRepository<Team, Long> {

    /**
     * Reads and locks the team's row: deals of one team are placed one decision at a time, on every node, so its
     * rotation and the loads it counts are never read by two placements at once.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Team t where t.id = :id")
    Optional<Team> lockById(@Param("id") long id);
}

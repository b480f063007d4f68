package com.shiftrelay.presence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The event-feed cursors, one per CRM. */
interface ActivityCursors extends JpaRepository<ActivityCursor, String> {

    /**
     * Locks the cursor to record what a read brought and move it: two polls (on two nodes, or one slow) do
     * that one after the other. Never held while the CRM is asked.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ActivityCursor c where c.source = :source")
    Optional<ActivityCursor> lock(@Param("source") String source);
}

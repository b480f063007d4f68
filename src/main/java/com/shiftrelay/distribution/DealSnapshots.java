package com.shiftrelay.distribution;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DealSnapshots extends JpaRepository<DealSnapshot, Long> {

    /**
     * Reads and locks the deal's snapshot: two change events of one deal (a portal sends an update for each edit, and
     * ShiftRelay's own write comes back as one too) are told apart one after the other, on every node, so one change is
     * never taken for two. Two first sightings of a deal both insert: one fails on the key and its job is retried.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from DealSnapshot s where s.dealId = :dealId")
    Optional<DealSnapshot> lockById(@Param("dealId") long dealId);
}

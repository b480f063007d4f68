package com.shiftrelay.distribution;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The assignment log, read side. */
public interface AssignmentEntries extends JpaRepository<AssignmentEntry, Long> {

    List<AssignmentEntry> findByDealIdOrderByIdAsc(long dealId);

    /** Decisions that gave a deal to the manager or took one from them, in the time window. */
    @Query("""
            select e from AssignmentEntry e
            where (e.managerId = :managerId or e.fromManagerId = :managerId)
              and e.decidedAt >= :from and e.decidedAt < :to
            order by e.id
            """)
    List<AssignmentEntry> concerning(@Param("managerId") long managerId, @Param("from") Instant from,
                                     @Param("to") Instant to);
}

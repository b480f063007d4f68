package com.shiftrelay.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The exceptions to managers' schedules. */
interface ExceptionEntries extends JpaRepository<ExceptionEntry, Long> {

    /** The manager's exceptions on any date from {@code from} to {@code to}, inclusive, in date order. */
    @Query("""
            select e from ExceptionEntry e
            where e.managerId = :managerId and e.toDate >= :from and e.fromDate <= :to
            order by e.fromDate, e.id
            """)
    List<ExceptionEntry> between(@Param("managerId") long managerId, @Param("from") LocalDate from,
                                 @Param("to") LocalDate to);

    List<ExceptionEntry> findByManagerIdOrderByFromDateAscIdAsc(long managerId);

    Optional<ExceptionEntry> findByIdAndManagerId(long id, long managerId);

    List<ExceptionEntry> findBySwapIdIn(Collection<String> swapIds);
}

package com.shiftrelay.handover;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The hand-over ledger. */
public interface HandoverMoves extends JpaRepository<HandoverMove, Long> {

    List<HandoverMove> findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc(String handoverId, int batchNo,
                                                                           HandoverMove.Status status);

    List<HandoverMove> findByHandoverIdOrderByDealIdAsc(String handoverId);

    List<HandoverMove> findByHandoverIdAndStatusAndBatchNoGreaterThanEqual(String handoverId,
                                                                           HandoverMove.Status status, int batchNo,
                                                                           Pageable page);

    /** How many deals of the run are planned for or written to each of the managers: {toId, count}. */
    @Query("""
            select m.toId, count(m) from HandoverMove m
            where m.handoverId = :handoverId and m.toId in :managerIds
              and m.status in (com.shiftrelay.handover.HandoverMove.Status.PLANNED,
                               com.shiftrelay.handover.HandoverMove.Status.WRITTEN)
            group by m.toId
            """)
    List<Object[]> countByTarget(@Param("handoverId") String handoverId,
                                 @Param("managerIds") Collection<Long> managerIds);

    /** How many moves of each of the runs have each status: {handoverId, status, count}. */
    @Query("""
            select m.handoverId, m.status, count(m) from HandoverMove m
            where m.handoverId in :handoverIds
            group by m.handoverId, m.status
            """)
    List<Object[]> countByStatus(@Param("handoverIds") Collection<String> handoverIds);

    /** For each of the deals, the last move written to the CRM, if any. */
    @Query("""
            select m from HandoverMove m
            where m.dealId in :dealIds and m.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN
              and m.id = (select max(n.id) from HandoverMove n
                          where n.dealId = m.dealId and n.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN)
            """)
    List<HandoverMove> findLatestWritten(@Param("dealIds") Collection<Long> dealIds);

    /** Deals a hand-over took away from this owner and that no later move has given back or on. */
    @Query("""
            select m from HandoverMove m
            where m.ownerId = :ownerId and m.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN
              and m.toId <> :ownerId
              and m.id = (select max(n.id) from HandoverMove n
                          where n.dealId = m.dealId and n.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN)
            order by m.dealId
            """)
    List<HandoverMove> findOutstandingFor(@Param("ownerId") long ownerId);

    /** Whether a move of ShiftRelay's gave the deal to this responsible since then (written, or about to be). */
    @Query("""
            select count(m) > 0 from HandoverMove m
            where m.dealId = :dealId and m.toId = :responsibleId and m.plannedAt >= :since
              and m.status in (com.shiftrelay.handover.HandoverMove.Status.PLANNED,
                               com.shiftrelay.handover.HandoverMove.Status.WRITTEN)
            """)
    boolean existsOwnMove(@Param("dealId") long dealId, @Param("responsibleId") long responsibleId,
                          @Param("since") Instant since);

    /** Whether a move of the deal is planned, or one was written since then. */
    @Query("""
            select count(m) > 0 from HandoverMove m
            where m.dealId = :dealId
              and (m.status = com.shiftrelay.handover.HandoverMove.Status.PLANNED
                   or (m.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN and m.writtenAt >= :since))
            """)
    boolean existsMoveSince(@Param("dealId") long dealId, @Param("since") Instant since);

    /** Per manager, the deals moves gave or are giving them since then: {toId, dealId}. */
    @Query("""
            select m.toId, m.dealId from HandoverMove m
            where m.toId in :managerIds
              and (m.status = com.shiftrelay.handover.HandoverMove.Status.PLANNED
                   or (m.status = com.shiftrelay.handover.HandoverMove.Status.WRITTEN and m.writtenAt >= :since))
            """)
    List<Object[]> findGivenTo(@Param("managerIds") Collection<Long> managerIds, @Param("since") Instant since);
}

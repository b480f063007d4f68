package com.shiftrelay.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The teams' waiting queues. */
public interface QueuedDeals extends JpaRepository<QueuedDeal, Long> {

    /** A team's waiting deals, first in first. */
    List<QueuedDeal> findByTeamIdAndStatusOrderByArrivalAscIdAsc(long teamId, QueuedDeal.Status status);

    List<QueuedDeal> findByStatusOrderByTeamIdAscArrivalAscIdAsc(QueuedDeal.Status status);

    List<QueuedDeal> findByRunId(String runId);

    boolean existsByTeamIdAndStatus(long teamId, QueuedDeal.Status status);

    /** The deal's entry while it waits or is being dealt out. */
    Optional<QueuedDeal> findFirstByDealIdAndStatusInOrderByIdDesc(long dealId, Collection<QueuedDeal.Status> statuses);
}

package com.shiftrelay.handover;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Hand-over and return runs. */
public interface Handovers extends JpaRepository<Handover, String> {

    List<Handover> findByManagerIdAndStatus(Long managerId, Handover.Status status);

    List<Handover> findByStatusOrderByCreatedAtAsc(Handover.Status status);

    List<Handover> findByManagerIdOrderByCreatedAtDesc(Long managerId);

    List<Handover> findByStatusInOrderByCreatedAtDesc(Collection<Handover.Status> statuses);

    List<Handover> findByStatusInOrderByCreatedAtDesc(Collection<Handover.Status> statuses, Pageable page);
}

package com.shiftrelay.crm.sandbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The sandbox's leads. */
interface SandboxLeads extends JpaRepository<Lead, Long>, JpaSpecificationExecutor<Lead> {

    List<Lead> findByStatusIdNotInOrderByIdAsc(Collection<Long> statusIds);

    List<Lead> findByResponsibleUserIdAndStatusIdNotInOrderByIdAsc(long responsibleUserId,
                                                                  Collection<Long> statusIds);
}

package com.shiftrelay.sandbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The sandbox's leads. */
interface SandboxLeads extends JpaRepository<Lead, Long>, JpaSpecificationExecutor<Lead> {

    List<Lead> findByStatusIdNotInOrderByIdAsc(Collection<Long> statusIds);

    List<Lead> findByResponsibleUserIdAndStatusIdNotInOrderByIdAsc(long responsibleUserId,
                                                                  Collection<Long> statusIds);

    /** Team ids by how many of the pipeline's open deals their active users hold, most first, lower id on a tie. */
    @Query("""
            select u.groupId from SandboxLead l join SandboxUser u on u.id = l.responsibleUserId
            where l.pipelineId = :pipelineId and l.statusId not in :closedStatuses
              and u.active = true and u.groupId is not null
            group by u.groupId
            order by count(l) desc, u.groupId asc""")
    List<Long> teamsByOpenLeadsInPipeline(long pipelineId, Collection<Long> closedStatuses);
}

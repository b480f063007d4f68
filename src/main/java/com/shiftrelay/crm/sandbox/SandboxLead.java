package com.shiftrelay.crm.sandbox;

import java.time.Instant;

/** A sandbox deal as tests and the demo see it. */
public record SandboxLead(long id, String name, long responsibleId, long pipelineId, long statusId,
                          boolean pinned, Instant createdAt, Instant updatedAt) {

    public boolean open() {
        return !Lead.isClosedStatus(statusId);
    }

    static SandboxLead of(Lead lead) {
        return new SandboxLead(lead.getId(), lead.getName(), lead.getResponsibleUserId(), lead.getPipelineId(),
                lead.getStatusId(), lead.isPinned(), lead.getCreatedAt(), lead.getUpdatedAt());
    }
}

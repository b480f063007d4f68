package com.shiftrelay.sandbox;

import java.time.Instant;
import java.util.List;

/** A sandbox deal as tests and the demo see it; {@code price} is its budget, {@code tags} its tags' names. */
public record SandboxLead(long id, String name, long responsibleId, long pipelineId, long statusId,
                          boolean pinned, Instant createdAt, Instant updatedAt, long price, List<String> tags) {

    public SandboxLead {
        tags = List.copyOf(tags);
    }

    public boolean open() {
        return !Lead.isClosedStatus(statusId);
    }

    static SandboxLead of(Lead lead) {
        return new SandboxLead(lead.getId(), lead.getName(), lead.getResponsibleUserId(), lead.getPipelineId(),
                lead.getStatusId(), lead.isPinned(), lead.getCreatedAt(), lead.getUpdatedAt(), lead.getPrice(),
                lead.tagNames());
    }
}

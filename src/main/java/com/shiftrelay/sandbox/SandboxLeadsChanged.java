package com.shiftrelay.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * Leads that one transaction of the sandbox created or changed, as amoCRM reports them to an integration in one
 * webhook. Published inside that transaction; the webhook goes out only once it has committed.
 *
 * @param action amoCRM's webhook action: {@code add}, {@code status} or {@code responsible}
 * @param leads  each lead as it is after the change, with what it was before where the action says
 * @param source the Bitrix24 {@code auth_connector} the change was made with, or null: a portal keeps such a change
 *               out of the offline events bound with the same key
 */
record SandboxLeadsChanged(String action, List<LeadState> leads, String source) {

    static final String ADD = "add";
    static final String STATUS = "status";
    static final String RESPONSIBLE = "responsible";

    SandboxLeadsChanged {
        leads = List.copyOf(leads);
    }

    SandboxLeadsChanged(String action, List<LeadState> leads) {
        this(action, leads, null);
    }

    /** A lead's fields as the webhook sends them; {@code old*} are null unless the action changed them. */
    record LeadState(long id, String name, long statusId, Long oldStatusId, long pipelineId, Long oldPipelineId,
                     long price, long responsibleId, Long oldResponsibleId, long createdBy, long updatedBy,
                     Instant createdAt, Instant updatedAt, List<TagRef> tags) {

        static LeadState added(Lead lead) {
            return of(lead, null, null, null);
        }

        static LeadState statusChanged(Lead lead, long oldStatusId) {
            return statusChanged(lead, oldStatusId, lead.getPipelineId());
        }

        static LeadState statusChanged(Lead lead, long oldStatusId, long oldPipelineId) {
            return of(lead, oldStatusId, oldPipelineId, null);
        }

        static LeadState responsibleChanged(Lead lead, long oldResponsibleId) {
            return of(lead, null, null, oldResponsibleId);
        }

        private static LeadState of(Lead lead, Long oldStatusId, Long oldPipelineId, Long oldResponsibleId) {
            return new LeadState(lead.getId(), lead.getName(), lead.getStatusId(), oldStatusId, lead.getPipelineId(),
                    oldPipelineId, lead.getPrice(), lead.getResponsibleUserId(), oldResponsibleId,
                    lead.getCreatedBy(), lead.getUpdatedBy(), lead.getCreatedAt(), lead.getUpdatedAt(),
                    lead.getTags().stream().map(tag -> new TagRef(tag.getId(), tag.getName())).toList());
        }
    }

    record TagRef(long id, String name) {
    }
}

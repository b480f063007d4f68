package com.shiftrelay.crm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A deal as the planning sees it. {@code checkedFlags} holds the ids of the deal's checkbox custom fields
 * that are ticked (the "pinned to its person" checkbox among them); {@code price} is the deal's budget in the
 * account's currency and {@code tags} its tags as written in the CRM, both read by the routing rules;
 * {@code createdBy} is the CRM user who created it (0: a web form, an integration or a robot).
 * <p>
 * {@code statusId} is the stage as a number, the domain's own: amoCRM's status id, or on Bitrix24 142 won, 143 lost
 * and 0 for every open stage, whose ids there are names. {@code stage} is the stage as the CRM writes it, for rules
 * that tell open stages apart on either CRM: amoCRM's status id as text ("70011", "142"), Bitrix24's
 * {@code STAGE_ID} ("PREPARATION", "C1:NEW", "C1:WON").
 */
public record CrmDeal(long id, String name, long responsibleId, long pipelineId, long statusId,
                      Set<Long> checkedFlags, Instant createdAt, long price, List<String> tags, long createdBy,
                      String stage) {

    /** amoCRM's status ids for won and lost deals, the same in every pipeline. */
    public static final long STATUS_WON = 142;
    public static final long STATUS_LOST = 143;

    public CrmDeal {
        checkedFlags = Set.copyOf(checkedFlags);
        tags = tags == null ? List.of() : List.copyOf(tags);
        stage = stage == null || stage.isBlank() ? String.valueOf(statusId) : stage;
    }

    /** A deal of a CRM whose stages are numbers (amoCRM): its stage is its status id. */
    public CrmDeal(long id, String name, long responsibleId, long pipelineId, long statusId, Set<Long> checkedFlags,
                   Instant createdAt, long price, List<String> tags, long createdBy) {
        this(id, name, responsibleId, pipelineId, statusId, checkedFlags, createdAt, price, tags, createdBy, null);
    }

    /** A deal with no budget and no tags. */
    public CrmDeal(long id, String name, long responsibleId, long pipelineId, long statusId, Set<Long> checkedFlags,
                   Instant createdAt) {
        this(id, name, responsibleId, pipelineId, statusId, checkedFlags, createdAt, 0, List.of(), 0);
    }

    public boolean closed() {
        return statusId == STATUS_WON || statusId == STATUS_LOST;
    }

    public boolean flagged(Long fieldId) {
        return fieldId != null && checkedFlags.contains(fieldId);
    }

}

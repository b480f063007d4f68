package com.shiftrelay.crm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A deal as the planning sees it. {@code checkedFlags} holds the ids of the deal's checkbox custom fields
 * that are ticked (the "pinned to its person" checkbox among them); {@code price} is the deal's budget in the
 * account's currency and {@code tags} its tags as written in the CRM, both read by the routing rules;
 * {@code createdBy} is the CRM user who created it (0: a web form, an integration or a robot).
 */
public record CrmDeal(long id, String name, long responsibleId, long pipelineId, long statusId,
                      Set<Long> checkedFlags, Instant createdAt, long price, List<String> tags, long createdBy) {

    /** amoCRM's status ids for won and lost deals, the same in every pipeline. */
    public static final long STATUS_WON = 142;
    public static final long STATUS_LOST = 143;

    public CrmDeal {
        checkedFlags = Set.copyOf(checkedFlags);
        tags = tags == null ? List.of() : List.copyOf(tags);
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

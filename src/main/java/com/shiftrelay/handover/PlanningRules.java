package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmDeal;
import java.util.Set;

/**
 * Which deals a hand-over may touch.
 *
 * @param pinnedFieldId the checkbox that pins a deal to its person; null = no deal is pinned
 * @param pipelines     pipelines covered; empty = all
 */
public record PlanningRules(Long pinnedFieldId, Set<Long> pipelines) {

    public PlanningRules {
        pipelines = Set.copyOf(pipelines);
    }

    boolean pinned(CrmDeal deal) {
        return deal.flagged(pinnedFieldId);
    }

    boolean covers(CrmDeal deal) {
        return pipelines.isEmpty() || pipelines.contains(deal.pipelineId());
    }
}

package com.shiftrelay.crm;

import java.util.Map;

/**
 * What the CRM made of a batch of reassignments: the deals it refused, each with the CRM's reason. Every other
 * deal of the batch has its new responsible.
 */
public record ReassignResult(Map<Long, String> rejected) {

    public ReassignResult {
        rejected = Map.copyOf(rejected);
    }

    public static ReassignResult allWritten() {
        return new ReassignResult(Map.of());
    }

    public boolean written(long dealId) {
        return !rejected.containsKey(dealId);
    }
}

package com.shiftrelay.crm;

import java.util.List;

/**
 * Deal changes a CRM kept for ShiftRelay to fetch (Bitrix24's offline events), held back on the CRM's side under
 * {@code batchId} until {@link CrmGateway#acknowledgeDealChanges} says they are safely stored. {@code raw} is what
 * the CRM sent, stored as the delivery.
 */
public record DealChangeBatch(String batchId, List<CrmDealChange> changes, byte[] raw) {

    public DealChangeBatch {
        changes = List.copyOf(changes);
    }
}

package com.shiftrelay.crm;

import java.util.List;

/**
 * A client the CRM knows by a phone number: its contact, who is responsible for it, and its deals (open or not; the
 * caller reads them to find the open one).
 */
public record CrmClient(long contactId, String name, Long responsibleId, List<Long> dealIds) {

    public CrmClient {
        dealIds = List.copyOf(dealIds);
    }
}

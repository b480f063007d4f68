package com.shiftrelay.intake;

import com.shiftrelay.crm.CrmDealChange;

/**
 * A deal change a CRM reported was stored for the first time (a duplicate never gets here). Published inside the
 * transaction that stored it, so whatever a listener starts (a process instance) commits together with the
 * stored event or not at all, and the webhook is acknowledged only after both.
 *
 * @param eventId the stored event's id ({@code crm_deal_event.id})
 * @param source  the CRM that sent it ({@code "amocrm"})
 * @param change  what changed
 */
public record DealChangeAccepted(long eventId, String source, CrmDealChange change) {
}

package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDealChange;

/**
 * What distribution tells its processes. Each is sent inside the caller's transaction, so it happens together with
 * what caused it or not at all.
 */
public interface DistributionSignals {

    /** A deal was added or changed stage in the CRM: route it (DealAssignment). */
    void dealChanged(long eventId, long dealId, CrmDealChange.Kind kind);

    /**
     * The team's queue may be dealt out now: a manager of the team came ONLINE ({@code arrival}: the team's drain
     * delay applies), or one may have room below the cap (a deal closed or moved away).
     */
    void drainRequested(long teamId, boolean arrival);

    /** The deal no longer waits in its queue: whoever is watching it (the supervisors' task) can stop. */
    void dealLeftQueue(long queueEntryId);
}

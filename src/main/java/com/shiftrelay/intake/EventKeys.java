package com.shiftrelay.intake;

import com.shiftrelay.crm.CrmDealChange;
import java.time.Instant;

/**
 * What makes two reports of a deal change the same change, so that a CRM's re-send is stored and acted on once.
 * A deal is added once and deleted once; a move to a stage, a new responsible, an edit and a restore count once
 * per deal, target and moment ({@code -} where the CRM sent no time).
 */
final class EventKeys {

    private EventKeys() {
    }

    static String of(CrmDealChange change) {
        long deal = change.dealId();
        String at = epochSeconds(change.changedAt());
        return switch (change.kind()) {
            case ADDED -> "add:" + deal;
            case STATUS_CHANGED -> "status:" + deal + ":" + orDash(change.statusId()) + ":" + at;
            case RESPONSIBLE_CHANGED -> "responsible:" + deal + ":" + orDash(change.responsibleId()) + ":" + at;
            case UPDATED -> "update:" + deal + ":" + at;
            case DELETED -> "delete:" + deal;
            case RESTORED -> "restore:" + deal + ":" + at;
        };
    }

    private static String epochSeconds(Instant at) {
        return at == null ? "-" : Long.toString(at.getEpochSecond());
    }

    private static String orDash(Long id) {
        return id == null ? "-" : id.toString();
    }
}

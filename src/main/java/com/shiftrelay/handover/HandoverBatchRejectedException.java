package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmRejectedException;
import java.util.List;

/** The CRM refused a batch of moves; the message names the deals so the Cockpit incident says which. */
public class HandoverBatchRejectedException extends RuntimeException {
    public HandoverBatchRejectedException(String handoverId, int batchNo, List<Long> dealIds, CrmRejectedException cause) {
        super("The CRM rejected batch " + batchNo + " of hand-over " + handoverId + " (deals " + dealIds + "): "
                + cause.getMessage(), cause);
    }
}

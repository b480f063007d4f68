package com.shiftrelay.handover;

import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.Reassignment;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a planned batch to the CRM. The ledger rows flip to WRITTEN in the same transaction as the job,
 * so a failed request leaves the whole batch PLANNED (retried later) and a batch already written is
 * not sent again.
 */
@Service
public class HandoverBatches {

    private final CrmGateway crm;
    private final Handovers handovers;
    private final HandoverMoves moves;
    private final Clock clock;

    HandoverBatches(CrmGateway crm, Handovers handovers, HandoverMoves moves, Clock clock) {
        this.crm = crm;
        this.handovers = handovers;
        this.moves = moves;
        this.clock = clock;
    }

    /** Returns how many deals this call moved (0 when the batch was written before). */
    @Transactional
    public int write(String handoverId, int batchNo) {
        List<HandoverMove> batch = moves.findByHandoverIdAndBatchNoAndStatusOrderByDealIdAsc(
                handoverId, batchNo, HandoverMove.Status.PLANNED);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            crm.reassign(batch.stream().map(move -> new Reassignment(move.getDealId(), move.getToId())).toList());
        } catch (CrmRejectedException e) {
            throw new HandoverBatchRejectedException(handoverId, batchNo,
                    batch.stream().map(HandoverMove::getDealId).toList(), e);
        }
        batch.forEach(move -> move.written(clock.instant()));
        return batch.size();
    }

    @Transactional
    public void complete(String handoverId) {
        handovers.findById(handoverId).ifPresent(handover -> handover.complete(clock.instant()));
    }
}

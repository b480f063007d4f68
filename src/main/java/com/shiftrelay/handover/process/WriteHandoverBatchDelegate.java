package com.shiftrelay.handover.process;

import com.shiftrelay.handover.HandoverBatches;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealHandover and DealReturn, Task_WriteBatch: one batch of moves to the CRM. */
@Component
class WriteHandoverBatchDelegate implements JavaDelegate {

    private final HandoverBatches batches;

    WriteHandoverBatchDelegate(HandoverBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        batches.write(HandoverVariables.handoverId(execution), HandoverVariables.batchNo(execution));
    }
}

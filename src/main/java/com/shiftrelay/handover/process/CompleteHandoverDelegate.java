package com.shiftrelay.handover.process;

import com.shiftrelay.handover.HandoverBatches;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealHandover and DealReturn, Task_Complete: the run is closed and says what it could not move. */
@Component
class CompleteHandoverDelegate implements JavaDelegate {

    private final HandoverBatches batches;

    CompleteHandoverDelegate(HandoverBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoverVariables.summary(execution, batches.complete(HandoverVariables.handoverId(execution)));
    }
}

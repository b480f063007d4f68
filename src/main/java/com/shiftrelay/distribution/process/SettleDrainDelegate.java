package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.WaitingQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN QueueDrain, Task_SettleDrain: the written deals leave the queue; one whose manager left meanwhile waits again. */
@Component
class SettleDrainDelegate implements JavaDelegate {

    private final WaitingQueue queue;

    SettleDrainDelegate(WaitingQueue queue) {
        this.queue = queue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        queue.settleDrain(DistributionVariables.runId(execution));
    }
}

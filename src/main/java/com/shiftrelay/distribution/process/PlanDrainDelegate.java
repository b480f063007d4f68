package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.WaitingQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN QueueDrain, Task_PlanDrain: deals the team's queue out among everybody eligible now. */
@Component
class PlanDrainDelegate implements JavaDelegate {

    private final WaitingQueue queue;

    PlanDrainDelegate(WaitingQueue queue) {
        this.queue = queue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DistributionVariables.drain(execution, queue.planDrain(DistributionVariables.teamId(execution)));
    }
}

package com.shiftrelay.handover.process;

import com.shiftrelay.handover.DealHandovers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealHandover, Task_PlanHandover: who takes which deal, recorded in the ledger. */
@Component
class PlanHandoverDelegate implements JavaDelegate {

    private final DealHandovers handovers;

    PlanHandoverDelegate(DealHandovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoverVariables.plan(execution, handovers.plan(HandoverVariables.managerId(execution)));
    }
}

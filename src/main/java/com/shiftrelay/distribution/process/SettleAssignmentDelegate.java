package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.NewDeals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealAssignment, Task_SettleAssignment: closes the run; a manager who left before the write means it queues. */
@Component
class SettleAssignmentDelegate implements JavaDelegate {

    private final NewDeals deals;

    SettleAssignmentDelegate(NewDeals deals) {
        this.deals = deals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DistributionVariables.assignment(execution, deals.settle(DistributionVariables.runId(execution),
                DistributionVariables.dealId(execution), DistributionVariables.arrival(execution)));
    }
}

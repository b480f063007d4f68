package com.shiftrelay.handover.process;

import com.shiftrelay.handover.DealReturns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealReturn, Task_PlanReturn: which deals go back, recorded in the ledger. */
@Component
class PlanReturnDelegate implements JavaDelegate {

    private final DealReturns returns;

    PlanReturnDelegate(DealReturns returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandoverVariables.plan(execution, returns.plan(HandoverVariables.managerId(execution)));
    }
}

package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.NewDeals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN DealAssignment, Task_RouteDeal: the rules route the deal, its team's strategy picks a manager or it queues. */
@Component
class RouteDealDelegate implements JavaDelegate {

    private final NewDeals deals;

    RouteDealDelegate(NewDeals deals) {
        this.deals = deals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DistributionVariables.assignment(execution, deals.route(DistributionVariables.dealId(execution),
                DistributionVariables.changeKind(execution), DistributionVariables.arrival(execution)));
    }
}

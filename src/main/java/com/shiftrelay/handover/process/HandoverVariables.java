package com.shiftrelay.handover.process;

import com.shiftrelay.handover.PlanOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of the DealHandover and DealReturn processes, read through typed accessors. */
final class HandoverVariables {

    static final String MANAGER_ID = "managerId";
    static final String PLAN_OUTCOME = "planOutcome";
    static final String HANDOVER_ID = "handoverId";
    static final String BATCH_COUNT = "batchCount";
    static final String LOOP_COUNTER = "loopCounter";

    private HandoverVariables() {
    }

    static long managerId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MANAGER_ID)).longValue();
    }

    static String handoverId(DelegateExecution execution) {
        return (String) execution.getVariable(HANDOVER_ID);
    }

    static int batchNo(DelegateExecution execution) {
        return ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
    }

    static void plan(DelegateExecution execution, PlanOutcome outcome) {
        execution.setVariable(PLAN_OUTCOME, outcome.outcome().name());
        execution.setVariable(HANDOVER_ID, outcome.handoverId());
        execution.setVariable(BATCH_COUNT, outcome.batchCount());
    }
}

package com.shiftrelay.handover.process;

import com.shiftrelay.handover.HandoverBatches;
import com.shiftrelay.handover.PlanOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of the DealHandover and DealReturn processes, read through typed accessors. */
final class HandoverVariables {

    static final String MANAGER_ID = "managerId";
    static final String PLAN_OUTCOME = "planOutcome";
    static final String HANDOVER_ID = "handoverId";
    static final String BATCH_COUNT = "batchCount";
    static final String LOOP_COUNTER = "loopCounter";
    static final String MOVED_DEALS = "movedDeals";
    static final String SKIPPED_DEALS = "skippedDeals";
    static final String REJECTED_DEALS = "rejectedDeals";
    static final String WAITING_DEALS = "waitingDeals";
    /** The run's outcome once closed: every deal dealt with, or some wait for a colleague. */
    static final String OUTCOME_DONE = "DONE";
    static final String OUTCOME_WAITING = PlanOutcome.Outcome.WAITING.name();

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

    /** What the run could not move is kept in plain sight in Cockpit; waiting deals make the outcome WAITING. */
    static void summary(DelegateExecution execution, HandoverBatches.RunSummary summary) {
        execution.setVariable(MOVED_DEALS, summary.written());
        execution.setVariable(SKIPPED_DEALS, summary.skipped());
        execution.setVariable(REJECTED_DEALS, summary.rejected());
        execution.setVariable(WAITING_DEALS, summary.waiting());
        execution.setVariable(PLAN_OUTCOME, summary.waiting() > 0 ? OUTCOME_WAITING : OUTCOME_DONE);
    }

    static void plan(DelegateExecution execution, PlanOutcome outcome) {
        execution.setVariable(PLAN_OUTCOME, outcome.outcome().name());
        execution.setVariable(HANDOVER_ID, outcome.handoverId());
        execution.setVariable(BATCH_COUNT, outcome.batchCount());
    }
}

package com.shiftrelay.distribution.process;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.distribution.NewDeals;
import com.shiftrelay.distribution.WaitingQueue;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the DealAssignment and QueueDrain processes, their messages and variables, read through typed accessors. */
final class DistributionVariables {

    static final String ASSIGNMENT_PROCESS = "DealAssignment";
    static final String DRAIN_PROCESS = "QueueDrain";
    static final String MESSAGE_DEAL_CHANGED = "DealChanged";
    static final String MESSAGE_DRAIN_REQUESTED = "QueueDrainRequested";
    static final String MESSAGE_DEAL_LEFT_QUEUE = "DealLeftQueue";
    /** The drain's delay timer: a drain that waits there absorbs further arrivals (see ProcessDistributionSignals). */
    static final String DRAIN_DELAY_EVENT = "Event_DrainDelayOver";

    static final String DEAL_ID = "dealId";
    static final String EVENT_ID = "dealEventId";
    static final String CHANGE_KIND = "changeKind";
    static final String TEAM_ID = "teamId";
    static final String ASSIGNMENT_OUTCOME = "assignmentOutcome";
    static final String QUEUE_ENTRY_ID = "queueEntryId";
    static final String QUEUE_WAIT_LIMIT = "queueWaitLimit";
    static final String SUPERVISOR_GROUP = "supervisorGroup";
    static final String DRAIN_DELAY = "drainDelay";
    static final String DRAIN_OUTCOME = "drainOutcome";
    static final String DRAIN_PLANNED = "PLANNED";
    static final String DRAIN_NOTHING = "NOTHING";
    /** Shared with DealHandover's write step (writeHandoverBatchDelegate), which reads them. */
    static final String HANDOVER_ID = "handoverId";
    static final String BATCH_COUNT = "batchCount";

    private DistributionVariables() {
    }

    static long dealId(VariableScope execution) {
        return ((Number) execution.getVariable(DEAL_ID)).longValue();
    }

    /** The stored webhook event that brought the deal: its place in a queue. */
    static long arrival(VariableScope execution) {
        return ((Number) execution.getVariable(EVENT_ID)).longValue();
    }

    static long teamId(VariableScope execution) {
        return ((Number) execution.getVariable(TEAM_ID)).longValue();
    }

    static CrmDealChange.Kind changeKind(VariableScope execution) {
        return CrmDealChange.Kind.valueOf((String) execution.getVariable(CHANGE_KIND));
    }

    static String runId(VariableScope execution) {
        return (String) execution.getVariable(HANDOVER_ID);
    }

    static void assignment(VariableScope execution, NewDeals.Outcome outcome) {
        execution.setVariable(ASSIGNMENT_OUTCOME, outcome.kind().name());
        execution.setVariable(HANDOVER_ID, outcome.runId());
        execution.setVariable(BATCH_COUNT, outcome.batchCount());
        if (outcome.kind() == NewDeals.Outcome.Kind.QUEUED) {
            execution.setVariable(QUEUE_ENTRY_ID, outcome.queueEntryId());
            execution.setVariable(QUEUE_WAIT_LIMIT, outcome.waitLimit().toString());
            execution.setVariable(SUPERVISOR_GROUP, outcome.supervisorGroup());
        }
    }

    static void drain(VariableScope execution, WaitingQueue.DrainPlan plan) {
        execution.setVariable(DRAIN_OUTCOME, plan.planned() ? DRAIN_PLANNED : DRAIN_NOTHING);
        execution.setVariable(HANDOVER_ID, plan.runId());
        execution.setVariable(BATCH_COUNT, plan.batchCount());
    }
}

package com.shiftrelay.distribution.process;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.distribution.DistributionSignals;
import com.shiftrelay.distribution.TeamDistributions;
import com.shiftrelay.engine.ShiftRelayCommands;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Distribution's signals as BPMN messages: a routed deal starts DealAssignment (business key: the deal id), a drain
 * request starts QueueDrain (business key: the team id), a deal that left its queue ends what watches it.
 */
@Component
class ProcessDistributionSignals implements DistributionSignals {

    private final RuntimeService runtime;
    private final TeamDistributions settings;

    ProcessDistributionSignals(RuntimeService runtime, TeamDistributions settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    @Override
    public void dealChanged(long eventId, long dealId, CrmDealChange.Kind kind) {
        ShiftRelayCommands.withoutUserAuthorization(() -> runtime
                .createMessageCorrelation(DistributionVariables.MESSAGE_DEAL_CHANGED)
                .processInstanceBusinessKey(String.valueOf(dealId))
                .setVariable(DistributionVariables.DEAL_ID, dealId)
                .setVariable(DistributionVariables.EVENT_ID, eventId)
                .setVariable(DistributionVariables.CHANGE_KIND, kind.name())
                .correlateStartMessage());
    }

    /**
     * An arrival waits the team's drain delay, so that the morning's first manager does not take the whole queue;
     * while one drain waits so, later arrivals join it. A drain already past its delay does not absorb anything:
     * another one starts, and the queue's own states keep the two from dealing out one deal twice.
     */
    @Override
    public void drainRequested(long teamId, boolean arrival) {
        Duration delay = arrival ? settings.of(teamId).drainDelay() : Duration.ZERO;
        ShiftRelayCommands.withoutUserAuthorization(() -> {
            boolean waiting = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(DistributionVariables.DRAIN_PROCESS)
                    .processInstanceBusinessKey(String.valueOf(teamId))
                    .activityIdIn(DistributionVariables.DRAIN_DELAY_EVENT)
                    .count() > 0;
            if (!waiting) {
                runtime.createMessageCorrelation(DistributionVariables.MESSAGE_DRAIN_REQUESTED)
                        .processInstanceBusinessKey(String.valueOf(teamId))
                        .setVariable(DistributionVariables.TEAM_ID, teamId)
                        .setVariable(DistributionVariables.DRAIN_DELAY, delay.toString())
                        .correlateStartMessage();
            }
            return null;
        });
    }

    @Override
    public void dealLeftQueue(long queueEntryId) {
        ShiftRelayCommands.withoutUserAuthorization(() -> runtime
                .createMessageCorrelation(DistributionVariables.MESSAGE_DEAL_LEFT_QUEUE)
                .processInstanceVariableEquals(DistributionVariables.QUEUE_ENTRY_ID, queueEntryId)
                .correlateAllWithResult());
    }
}

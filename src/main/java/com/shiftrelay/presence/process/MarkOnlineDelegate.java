package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_MarkOnline: the manager is ONLINE; waiting colleagues of the team are told. */
@Component
class MarkOnlineDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    MarkOnlineDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PresenceVariables.nextCheckAt(execution, lifecycle.markOnline(PresenceVariables.managerId(execution)));
        execution.setVariable(PresenceVariables.HANDOVER_OUTCOME, PresenceVariables.NO_HANDOVER);
        PresenceVariables.presenceState(execution, PresenceState.ONLINE);
    }
}

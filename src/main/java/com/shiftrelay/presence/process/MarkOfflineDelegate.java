package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_MarkOffline: the manager signed off. */
@Component
class MarkOfflineDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    MarkOfflineDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.markOffline(PresenceVariables.managerId(execution));
        PresenceVariables.presenceState(execution, PresenceState.OFFLINE);
    }
}

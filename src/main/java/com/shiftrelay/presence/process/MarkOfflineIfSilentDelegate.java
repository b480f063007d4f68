package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_MarkOfflineIfSilent: the window closed; OFFLINE unless active meanwhile. */
@Component
class MarkOfflineIfSilentDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    MarkOfflineIfSilentDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean wentOffline = lifecycle.markOfflineIfSilent(PresenceVariables.managerId(execution));
        execution.setVariable(PresenceVariables.WENT_OFFLINE, wentOffline);
        PresenceVariables.presenceState(execution, wentOffline ? PresenceState.OFFLINE : PresenceState.ONLINE);
    }
}

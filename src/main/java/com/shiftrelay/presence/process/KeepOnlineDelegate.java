package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_KeepOnline: confirmed or active during the window, so ONLINE. */
@Component
class KeepOnlineDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    KeepOnlineDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.keepOnline(PresenceVariables.managerId(execution));
        PresenceVariables.presenceState(execution, PresenceState.ONLINE);
    }
}

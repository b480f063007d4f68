package com.shiftrelay.presence.process;

import com.shiftrelay.presence.OfflineNext;
import com.shiftrelay.presence.PresenceLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_CheckWhileAway: did the OFFLINE manager confirm or act meanwhile? */
@Component
class CheckWhileAwayDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    CheckWhileAwayDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OfflineNext next = lifecycle.offlineNext(PresenceVariables.managerId(execution),
                PresenceVariables.dealsWaiting(execution));
        execution.setVariable(PresenceVariables.WHILE_AWAY, next.name());
    }
}

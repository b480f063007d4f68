package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ActivityCheck;
import com.shiftrelay.presence.PresenceLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_CheckActivity: inactive for the interval, or when to look again. */
@Component
class CheckActivityDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    CheckActivityDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ActivityCheck check = lifecycle.checkActivity(PresenceVariables.managerId(execution));
        execution.setVariable(PresenceVariables.INACTIVE, check.inactive());
        PresenceVariables.nextCheckAt(execution, check.nextCheckAt());
    }
}

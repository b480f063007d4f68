package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_AskForConfirmation: CONFIRMING, with the window the task waits. */
@Component
class AskForConfirmationDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    AskForConfirmationDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.askForConfirmation(PresenceVariables.managerId(execution));
        execution.setVariable(PresenceVariables.CONFIRMATION_TIMEOUT, lifecycle.confirmationTimeout().toString());
    }
}

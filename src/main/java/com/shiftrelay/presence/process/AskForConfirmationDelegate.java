package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ConfirmationDeadline;
import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN ManagerPresence, Task_AskForConfirmation: CONFIRMING, and when the task runs out (its due date and its
 * timer, and the time and window its form shows).
 */
@Component
class AskForConfirmationDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    AskForConfirmationDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConfirmationDeadline deadline = lifecycle.askForConfirmation(PresenceVariables.managerId(execution));
        PresenceVariables.confirmationDeadline(execution, deadline);
        PresenceVariables.presenceCheckWording(execution);
        PresenceVariables.presenceState(execution, PresenceState.CONFIRMING);
    }
}

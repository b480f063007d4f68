package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceLifecycle;
import com.shiftrelay.presence.PresenceState;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerPresence, Task_AskForConfirmation: CONFIRMING, and when the task runs out (its due date and its timer). */
@Component
class AskForConfirmationDelegate implements JavaDelegate {

    private final PresenceLifecycle lifecycle;

    AskForConfirmationDelegate(PresenceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant due = lifecycle.askForConfirmation(PresenceVariables.managerId(execution));
        PresenceVariables.confirmationDueAt(execution, due);
        PresenceVariables.presenceState(execution, PresenceState.CONFIRMING);
    }
}

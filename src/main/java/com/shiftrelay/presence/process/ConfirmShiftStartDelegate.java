package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN StartShift, Task_ConfirmShiftStart: the starter confirms presence, if ShiftRelay knows them. */
@Component
class ConfirmShiftStartDelegate implements JavaDelegate {

    private final Presence presence;

    ConfirmShiftStartDelegate(Presence presence) {
        this.presence = presence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean known = presence.confirmByLogin(PresenceVariables.starterLogin(execution)).isPresent();
        execution.setVariable(PresenceVariables.KNOWN_MANAGER, known);
    }
}

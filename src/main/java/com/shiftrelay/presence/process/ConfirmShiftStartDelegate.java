package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import com.shiftrelay.presence.Manager;
import java.util.Optional;
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
        // Looked up without throwing: an exception inside the job's transaction would roll it back and
        // the "not a manager" end could never be reached.
        Optional<Manager> manager = presence.findByLogin(PresenceVariables.starterLogin(execution));
        manager.ifPresent(m -> presence.confirm(m.getId()));
        execution.setVariable(PresenceVariables.KNOWN_MANAGER, manager.isPresent());
    }
}

package com.shiftrelay.presence.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * BPMN StartShift, StartEvent_ShiftStartRequested (start listener): the shift belongs to the user the
 * engine authenticated for this start (Tasklist's login, engine-rest's Basic credentials). It runs after
 * the start variables are set and overwrites any of the same name, so nobody can start a shift for
 * somebody else; a start without an authenticated user has no starter, which is "not a manager".
 */
@Component
class ShiftStarter implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        PresenceVariables.starterLogin(execution, current == null ? null : current.getUserId());
    }
}

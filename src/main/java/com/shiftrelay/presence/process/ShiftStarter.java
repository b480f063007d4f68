package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * BPMN StartShift, StartEvent_ShiftStartRequested (start listener): the shift belongs to the user the
 * engine authenticated for this start (Tasklist's login, engine-rest's Basic credentials). It runs after
 * the start variables are set and overwrites any of the same name, so nobody can start a shift for
 * somebody else; a start without an authenticated user has no starter, which is "not a manager". Whether
 * the starter is a manager is read here, in the start's own transaction, so that somebody who is not one
 * gets the explanation at once, as the task Tasklist opens after the start.
 */
@Component
class ShiftStarter implements ExecutionListener {

    private final Presence presence;

    ShiftStarter(Presence presence) {
        this.presence = presence;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String login = current == null ? null : current.getUserId();
        PresenceVariables.starterLogin(execution, login);
        execution.setVariable(PresenceVariables.KNOWN_MANAGER, presence.findByLogin(login).isPresent());
    }
}

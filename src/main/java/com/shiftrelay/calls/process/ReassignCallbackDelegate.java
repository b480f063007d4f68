package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_ReassignCallback: the callback, task and all, to somebody who can take it now. */
@Component
class ReassignCallbackDelegate implements JavaDelegate {

    private final MissedCalls calls;

    ReassignCallbackDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.reassign(CallVariables.missedCallId(execution))
                .ifPresent(manager -> execution.setVariable(CallVariables.MANAGER_ID, manager));
    }
}

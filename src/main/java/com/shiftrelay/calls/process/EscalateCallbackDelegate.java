package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_Escalate: the deadline passed: a comment on the CRM task (the supervisors' Tasklist task follows). */
@Component
class EscalateCallbackDelegate implements JavaDelegate {

    private final MissedCalls calls;

    EscalateCallbackDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.escalate(CallVariables.missedCallId(execution));
    }
}

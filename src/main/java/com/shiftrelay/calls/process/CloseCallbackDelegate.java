package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_CloseCallback: the CRM task completed with what happened, a note on the deal. */
@Component
class CloseCallbackDelegate implements JavaDelegate {

    private final MissedCalls calls;

    CloseCallbackDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.close(CallVariables.missedCallId(execution));
    }
}

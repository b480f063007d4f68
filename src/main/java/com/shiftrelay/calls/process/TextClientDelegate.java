package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN MissedCall, Task_TextClient: the client's SMS, or none when the number was texted within the window. A gateway
 * that refuses the SMS for good fails the step, and its retries end in an incident naming the number.
 */
@Component
class TextClientDelegate implements JavaDelegate {

    private final MissedCalls calls;

    TextClientDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CallVariables.SMS_OUTCOME, calls.textClient(CallVariables.missedCallId(execution)).name());
    }
}

package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_CreateCallbackTask: the CRM task, once; and whether the client was called back meanwhile. */
@Component
class CreateCallbackTaskDelegate implements JavaDelegate {

    private final MissedCalls calls;

    CreateCallbackTaskDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = CallVariables.missedCallId(execution);
        execution.setVariable(CallVariables.TASK_ID, calls.createTask(id).orElse(null));
        execution.setVariable(CallVariables.CALLED_BACK, calls.settleBeforeWaiting(id));
    }
}

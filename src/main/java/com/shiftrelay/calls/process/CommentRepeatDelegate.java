package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_CommentRepeat: a comment on the CRM task with the repeat's time, never a second task. */
@Component
class CommentRepeatDelegate implements JavaDelegate {

    private final MissedCalls calls;

    CommentRepeatDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.commentRepeat(CallVariables.missedCallId(execution));
    }
}

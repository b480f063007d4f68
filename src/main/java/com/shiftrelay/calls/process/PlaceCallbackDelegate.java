package com.shiftrelay.calls.process;

import com.shiftrelay.calls.MissedCalls;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN MissedCall, Task_PlaceCallback: the client in the CRM and who calls back; the deadline and the supervisors. */
@Component
class PlaceCallbackDelegate implements JavaDelegate {

    private final MissedCalls calls;

    PlaceCallbackDelegate(MissedCalls calls) {
        this.calls = calls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MissedCalls.Placement placed = calls.place(CallVariables.missedCallId(execution));
        execution.setVariable(CallVariables.MANAGER_ID, placed.managerId());
        execution.setVariable(CallVariables.SUPERVISOR_GROUP, placed.supervisorGroup());
        execution.setVariable(CallVariables.CALLBACK_DEADLINE, Date.from(placed.deadline()));
        execution.setVariable(CallVariables.CLIENT_NUMBER, MissedCalls.display(placed.clientNumber()));
        execution.setVariable(CallVariables.MISSED_AT, calls.time(placed.missedAt()));
        execution.setVariable(CallVariables.DEADLINE_AT, calls.time(placed.deadline()));
    }
}

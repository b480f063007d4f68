package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.ScheduledShifts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerShifts, Task_EndShift: the shift is over; one still ONLINE is asked at once. */
@Component
class EndScheduledShiftDelegate implements JavaDelegate {

    private final ScheduledShifts shifts;

    EndScheduledShiftDelegate(ScheduledShifts shifts) {
        this.shifts = shifts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        shifts.ended(ScheduleVariables.managerId(execution));
    }
}

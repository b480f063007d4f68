package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.ScheduledShifts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerShifts, Task_FindNextShift: the shift going on now, or the next one; none without a schedule. */
@Component
class FindNextShiftDelegate implements JavaDelegate {

    private final ScheduledShifts shifts;

    FindNextShiftDelegate(ScheduledShifts shifts) {
        this.shifts = shifts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ScheduleVariables.shift(execution, shifts.currentOrNext(ScheduleVariables.managerId(execution)));
    }
}

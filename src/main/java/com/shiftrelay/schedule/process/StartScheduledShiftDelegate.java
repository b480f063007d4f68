package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.ScheduledShifts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerShifts, Task_StartShift: the manager completed "Начать смену" and is ONLINE. */
@Component
class StartScheduledShiftDelegate implements JavaDelegate {

    private final ScheduledShifts shifts;

    StartScheduledShiftDelegate(ScheduledShifts shifts) {
        this.shifts = shifts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        shifts.started(ScheduleVariables.managerId(execution));
    }
}

package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.Sweeps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN TeamSweeps, Task_FindNextSweep: when the team's next sweep is due. */
@Component
class FindNextSweepDelegate implements JavaDelegate {

    private final Sweeps sweeps;

    FindNextSweepDelegate(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ScheduleVariables.sweep(execution, sweeps.next(ScheduleVariables.teamId(execution)).orElse(null));
    }
}

package com.shiftrelay.schedule.process;

import com.shiftrelay.schedule.Sweeps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN TeamSweeps, Task_FindOfflineManagers: whose deals this sweep hands over. */
@Component
class FindOfflineManagersDelegate implements JavaDelegate {

    private final Sweeps sweeps;

    FindOfflineManagersDelegate(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ScheduleVariables.offlineManagers(execution, sweeps.offlineManagers(ScheduleVariables.teamId(execution)));
    }
}

package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ManagerDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ManagerDirectorySync, Task_SyncManagers: managers, teams and Tasklist users from the CRM. */
@Component
class SyncManagersDelegate implements JavaDelegate {

    private final ManagerDirectory directory;

    SyncManagersDelegate(ManagerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("activeManagers", directory.sync());
    }
}

package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ActivityFeed;
import com.shiftrelay.presence.WorkDayFeed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN ActivityPolling, Task_PollCrmActivity: records who did something in the CRM, and who opened, paused or closed
 * their work day on its time clock (a CRM without one answers nothing).
 */
@Component
class PollCrmActivityDelegate implements JavaDelegate {

    private final ActivityFeed feed;
    private final WorkDayFeed workDays;

    PollCrmActivityDelegate(ActivityFeed feed, WorkDayFeed workDays) {
        this.feed = feed;
        this.workDays = workDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("activeManagers", feed.poll());
        execution.setVariable("workDayChanges", workDays.poll());
    }
}

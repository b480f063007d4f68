package com.shiftrelay.presence.process;

import com.shiftrelay.presence.ActivityFeed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN ActivityPolling, Task_PollCrmActivity: records who did something in the CRM. */
@Component
class PollCrmActivityDelegate implements JavaDelegate {

    private final ActivityFeed feed;

    PollCrmActivityDelegate(ActivityFeed feed) {
        this.feed = feed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("activeManagers", feed.poll());
    }
}

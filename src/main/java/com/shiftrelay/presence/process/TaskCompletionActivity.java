package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Completing any Tasklist task is activity of the person who completed it. */
@Component
class TaskCompletionActivity {

    private final Presence presence;

    TaskCompletionActivity(Presence presence) {
        this.presence = presence;
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        if (task.getAssignee() == null || TaskListener.EVENTNAME_DELETE.equals(task.getEventName())) {
            return;
        }
        boolean presenceTask = task.getProcessDefinitionId() != null
                && task.getProcessDefinitionId().startsWith(PresenceVariables.PROCESS_KEY + ":");
        presence.recordTasklistWork(task.getAssignee(), presenceTask);
    }
}

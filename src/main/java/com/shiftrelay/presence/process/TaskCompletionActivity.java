package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completing any Tasklist task is activity of the person who completed it. The engine's task history
 * events cover every task, those of processes and those created by hand in Tasklist alike.
 */
@Component
class TaskCompletionActivity {

    private final Presence presence;

    TaskCompletionActivity(Presence presence) {
        this.presence = presence;
    }

    @EventListener
    public void onTaskHistory(HistoricTaskInstanceEventEntity event) {
        if (!HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(event.getEventType())
                || event.getAssignee() == null) {
            return;
        }
        boolean presenceTask = PresenceVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey());
        presence.recordTasklistWork(event.getAssignee(), presenceTask);
    }
}

package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Presence;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completing any Tasklist task is activity of the person who completed it: the user signed in to Tasklist
 * or the engine REST API, not the task's assignee (an admin who completes a manager's task is the one at
 * work). A completion with nobody signed in (the engine itself) is nobody's activity. The engine's task
 * history events cover every task, those of processes and those created by hand in Tasklist alike.
 */
@Component
class TaskCompletionActivity {

    private final Presence presence;

    TaskCompletionActivity(Presence presence) {
        this.presence = presence;
    }

    @EventListener
    public void onTaskHistory(HistoricTaskInstanceEventEntity event) {
        // The engine reports a task removed by a boundary event (a timed-out confirmation, say) with the
        // same event type as a completed one; only the delete reason tells a person's work from it.
        if (!HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(event.getEventType())
                || !TaskEntity.DELETE_REASON_COMPLETED.equals(event.getDeleteReason())) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        String completedBy = command == null ? null : command.getAuthenticatedUserId();
        if (completedBy == null) {
            return;
        }
        boolean presenceTask = PresenceVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey());
        presence.recordTasklistWork(completedBy, presenceTask);
    }
}

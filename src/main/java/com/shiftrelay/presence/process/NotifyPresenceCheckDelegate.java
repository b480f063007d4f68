package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceNotices;
import java.util.OptionalLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN PresenceCheckNotice, Task_NotifyInCrm: the notification with the link to the task; its id, or none. */
@Component
class NotifyPresenceCheckDelegate implements JavaDelegate {

    private final PresenceNotices notices;

    NotifyPresenceCheckDelegate(PresenceNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OptionalLong id = notices.send(PresenceVariables.managerId(execution),
                (String) execution.getVariable(PresenceVariables.PRESENCE_CHECK_TITLE),
                (String) execution.getVariable(PresenceVariables.CONFIRMATION_DEADLINE),
                (String) execution.getVariable(PresenceCheckNoticeListener.TASK_ID));
        execution.setVariable(PresenceCheckNoticeListener.NOTICE_ID, id.isPresent() ? id.getAsLong() : null);
    }
}

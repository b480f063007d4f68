package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceNotices;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * BPMN ManagerPresence, UserTask_ConfirmPresence on create: in a CRM with personal notifications, starts
 * PresenceCheckNotice for this task. Only a process instance is started here, in the task's own transaction; the
 * notification itself goes out in that process's asynchronous step, so the CRM never holds up the check.
 */
@Component
class PresenceCheckNoticeListener implements TaskListener {

    static final String PROCESS_KEY = "PresenceCheckNotice";
    static final String TASK_ID = "taskId";
    static final String NOTICE_ID = "noticeId";

    private final PresenceNotices notices;

    PresenceCheckNoticeListener(PresenceNotices notices) {
        this.notices = notices;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!notices.wanted()) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        for (String name : new String[] {PresenceVariables.MANAGER_ID, PresenceVariables.PRESENCE_CHECK_TITLE,
                PresenceVariables.CONFIRMATION_DEADLINE, PresenceVariables.CONFIRMATION_DUE_AT}) {
            variables.put(name, task.getVariable(name));
        }
        variables.put(TASK_ID, task.getId());
        task.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(PROCESS_KEY, String.valueOf(task.getVariable(PresenceVariables.MANAGER_ID)),
                        variables);
    }
}

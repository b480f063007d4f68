package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN PresenceCheckNotice, Task_WithdrawNotice: the check's window has closed, its notification goes. */
@Component
class WithdrawPresenceNoticeDelegate implements JavaDelegate {

    private final PresenceNotices notices;

    WithdrawPresenceNoticeDelegate(PresenceNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.withdraw(((Number) execution.getVariable(PresenceCheckNoticeListener.NOTICE_ID)).longValue());
    }
}

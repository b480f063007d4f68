package com.shiftrelay.calls.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The MissedCall process's variables and messages, in one place. */
final class CallVariables {

    static final String PROCESS_KEY = "MissedCall";
    static final String MESSAGE_CALL_MISSED = "CallMissed";
    static final String MESSAGE_CALL_REPEATED = "MissedCallRepeated";
    static final String MESSAGE_CALLBACK_MADE = "CallbackMade";
    static final String MESSAGE_MANAGER_LEFT = "CallbackManagerLeft";

    static final String MISSED_CALL_ID = "missedCallId";
    static final String CALLED_BACK = "calledBack";
    static final String CALLBACK_DEADLINE = "callbackDeadline";
    static final String SUPERVISOR_GROUP = "supervisorGroup";
    static final String MANAGER_ID = "managerId";
    static final String SMS_OUTCOME = "smsOutcome";
    static final String TASK_ID = "crmTaskId";
    // What the overdue form shows.
    static final String CLIENT_NUMBER = "clientNumber";
    static final String MISSED_AT = "missedAt";
    static final String DEADLINE_AT = "deadlineAt";

    private CallVariables() {
    }

    static long missedCallId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MISSED_CALL_ID)).longValue();
    }
}

package com.shiftrelay.calls.process;

import com.shiftrelay.calls.CallbackSignals;
import com.shiftrelay.engine.ShiftRelayCommands;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Delivers the missed-call signals as BPMN messages, in the caller's transaction: the process starts (or hears of a
 * repeat, a callback, a manager who left) exactly when the ledger row that says so commits. A message nobody waits
 * for is dropped: the ledger has it, and the process reads the ledger when it gets to its wait.
 */
@Component
class ProcessCallbackSignals implements CallbackSignals {

    private final RuntimeService runtime;

    ProcessCallbackSignals(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void callbackOwed(long missedCallId, String number) {
        ShiftRelayCommands.withoutUserAuthorization(() -> runtime.startProcessInstanceByMessage(
                CallVariables.MESSAGE_CALL_MISSED, number, Map.of(CallVariables.MISSED_CALL_ID, missedCallId)));
    }

    @Override
    public void callRepeated(long missedCallId) {
        correlate(CallVariables.MESSAGE_CALL_REPEATED, missedCallId);
    }

    @Override
    public void calledBack(long missedCallId) {
        correlate(CallVariables.MESSAGE_CALLBACK_MADE, missedCallId);
    }

    @Override
    public void managerLeft(long missedCallId) {
        correlate(CallVariables.MESSAGE_MANAGER_LEFT, missedCallId);
    }

    private void correlate(String message, long missedCallId) {
        ShiftRelayCommands.withoutUserAuthorization(() -> runtime.createMessageCorrelation(message)
                .processInstanceVariableEquals(CallVariables.MISSED_CALL_ID, missedCallId)
                .correlateAllWithResult());
    }
}

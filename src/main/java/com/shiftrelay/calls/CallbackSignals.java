package com.shiftrelay.calls;

/**
 * What the missed-call use cases tell the processes. A repeat or a callback is written to the ledger before it is
 * signalled, so a process that was not waiting for it yet finds it there when it gets to its wait.
 */
public interface CallbackSignals {

    /** Starts the MissedCall process of a callback newly owed to {@code number}. */
    void callbackOwed(long missedCallId, String number);

    void callRepeated(long missedCallId);

    void calledBack(long missedCallId);

    /** The manager the callback was given to left: it goes to somebody on shift. */
    void managerLeft(long missedCallId);
}

package com.shiftrelay.presence;

/** The manager's presence process is between two steps and cannot take this now; retry shortly. */
public class PresenceBusyException extends RuntimeException {
    public PresenceBusyException(long managerId) {
        super("ShiftRelay is updating manager " + managerId + "'s presence right now; try again in a few seconds");
    }
}

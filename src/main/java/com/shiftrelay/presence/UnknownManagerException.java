package com.shiftrelay.presence;

/** No manager with this id or login is known. */
public class UnknownManagerException extends RuntimeException {
    public UnknownManagerException(Object key) {
        super("No manager " + key + " is known to ShiftRelay");
    }
}

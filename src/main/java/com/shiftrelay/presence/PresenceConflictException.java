package com.shiftrelay.presence;

/**
 * A presence signal met a process step that changed the same presence process at the same moment (a
 * confirmation in the very second its timeout fires, say). Nothing of the signal was kept; it is safe to
 * send it again, and the second attempt sees what the step did.
 */
public class PresenceConflictException extends RuntimeException {
    private final long managerId;

    public PresenceConflictException(long managerId, Throwable cause) {
        super("Manager " + managerId + "'s presence process changed while the signal was delivered", cause);
        this.managerId = managerId;
    }

    public long managerId() {
        return managerId;
    }
}

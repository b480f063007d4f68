package com.shiftrelay.presence;

/**
 * What the presence use cases tell the running presence processes. Each signal is dropped when no
 * process is waiting for it: the processes re-read the manager's state at every decision point, so a
 * signal that arrives while a process is busy is not lost.
 */
public interface PresenceSignals {

    void activityNoticed(long managerId);

    void presenceConfirmed(long managerId);

    /** Returns whether a process was waiting for it. */
    boolean wentOffline(long managerId);

    void teamMemberCameOnline(long teamId);

    /** The manager's shift ended by their schedule: an ONLINE manager is asked at once. Returns whether it was heard. */
    boolean shiftEnded(long managerId);

    /** The manager was deactivated in the CRM: OFFLINE, deals handed over, presence no longer tracked. */
    void deactivated(long managerId);

    /** Starts the presence process of a newly known manager, unless it runs already. */
    void track(Manager manager);
}

package com.shiftrelay.distribution;

/** Why a manager of the team did not get a deal, as shown to admins. */
public enum SkipReason {
    /** The deal is being handed over from this manager. */
    LEAVING,
    OFFLINE,
    /** Asked whether still at work and has not answered yet. */
    CONFIRMING,
    OFF_SHIFT,
    AT_CAP,
    /** Weight 0 under WEIGHTED: kept in the team, but takes no share. */
    NO_WEIGHT
}

package com.shiftrelay.presence;

/** What an OFFLINE manager's process does next. */
public enum OfflineNext {
    /** The manager confirmed presence meanwhile: back ONLINE, deals return. */
    CONFIRMED,
    /** The manager did something in the CRM: ask them to confirm they are back. */
    ACTIVE,
    /** Deals wait for a colleague, and one of the team is ONLINE now: hand them over. */
    COLLEAGUE_ONLINE,
    /** Nothing yet: wait. */
    WAIT
}

package com.shiftrelay.presence;

/** Where a manager stands: at work, being asked to confirm, or away (their deals handed over). */
public enum PresenceState {
    ONLINE, CONFIRMING, OFFLINE
}

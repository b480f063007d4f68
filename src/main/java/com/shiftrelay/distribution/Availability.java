package com.shiftrelay.distribution;

/** Whether a manager can take a deal right now: only AVAILABLE can, the others say why not. */
public enum Availability {
    AVAILABLE, OFFLINE, CONFIRMING, OFF_SHIFT
}

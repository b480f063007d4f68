package com.shiftrelay.telephony;

/** Who rang whom: the client the firm ({@code INCOMING}) or somebody of the firm the client ({@code OUTGOING}). */
public enum CallDirection {
    INCOMING, OUTGOING
}

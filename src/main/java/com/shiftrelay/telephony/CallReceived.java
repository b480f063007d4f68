package com.shiftrelay.telephony;

/**
 * A call stored for the first time, published inside the transaction that stored it: whatever a listener starts
 * (the missed-call process) commits with the call or not at all.
 */
public record CallReceived(long id, Call call) {
}

package com.shiftrelay.crm;

import java.util.Optional;

/**
 * A request's connect and read timeouts cut down to what is left of its call's time budget, so that a request cannot
 * outlive the call (and the call its job's lock). The two keep their proportion; neither is ever 0 ms, which HTTP
 * clients read as no timeout at all.
 */
public record CallTimeouts(long connectMillis, long readMillis) {

    /**
     * Empty when the request's own timeouts fit in what is left; otherwise the shortened pair.
     *
     * @throws IllegalArgumentException when nothing is left: the caller says so in its CRM's words
     */
    public static Optional<CallTimeouts> within(long leftMillis, long connectMillis, long readMillis) {
        if (leftMillis <= 0) {
            throw new IllegalArgumentException("No time is left of the call's budget");
        }
        if (leftMillis >= connectMillis + readMillis) {
            return Optional.empty();
        }
        long connect = Math.max(1, leftMillis * connectMillis / (connectMillis + readMillis));
        return Optional.of(new CallTimeouts(connect, Math.max(1, leftMillis - connect)));
    }
}

package com.shiftrelay.crm;

import java.time.Duration;

/** The CRM said "too many requests"; {@code retryAfter} is its hint, or a default when it gave none. */
public class CrmRateLimitedException extends CrmException {
    private final Duration retryAfter;

    public CrmRateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package com.shiftrelay.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A finished call as a telephony provider reported it, in ShiftRelay's terms.
 *
 * @param provider     who reported it ({@code bitrix24}, {@code mango}, {@code pbx}); with {@code callId} the call's key
 * @param callId       the provider's id of the call
 * @param direction    incoming (the client rang) or outgoing (the firm rang the client)
 * @param clientNumber the client's number, normalised ({@link PhoneNumbers})
 * @param managerId    the CRM user who took or made the call, or null (nobody answered, or an unknown extension)
 * @param answered     whether the two talked
 * @param duration     how long they talked; zero when not answered
 * @param startedAt    when the call began
 */
public record Call(String provider, String callId, CallDirection direction, String clientNumber, Long managerId,
                   boolean answered, Duration duration, Instant startedAt) {

    public Call {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(clientNumber, "clientNumber");
        Objects.requireNonNull(startedAt, "startedAt");
        duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
    }

    /** An incoming call nobody answered: the client is owed a callback. */
    public boolean missed() {
        return direction == CallDirection.INCOMING && !answered;
    }
}

package com.shiftrelay.sandbox;

import java.time.Instant;

/** An entry of the sandbox's event feed; {@code id} is a string as in amoCRM. */
public record SandboxEvent(String id, String type, Long leadId, long createdBy, Instant createdAt) {

    static SandboxEvent of(Event event) {
        return new SandboxEvent(String.valueOf(event.getId()), event.getType(), event.getEntityId(),
                event.getCreatedBy(), event.getCreatedAt());
    }
}

package com.shiftrelay.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** An event of the CRM's feed already counted; kept while it can still be read again in the overlap. */
@Entity
@Table(name = "activity_event_seen")
@IdClass(SeenEvent.Key.class)
class SeenEvent {

    /** (source, event id). */
    record Key(String source, String eventId) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    @Id
    private String source;

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SeenEvent() {
    }

    SeenEvent(String source, String eventId, Instant createdAt) {
        this.source = source;
        this.eventId = eventId;
        this.createdAt = createdAt;
    }
}

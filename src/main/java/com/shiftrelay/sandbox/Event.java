package com.shiftrelay.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the sandbox's event feed, the way amoCRM's {@code /events} lists it. */
@Entity(name = "SandboxEvent")
@Table(name = "sandbox_events")
class Event {

    static final String RESPONSIBLE_CHANGED = "entity_responsible_changed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_type", nullable = false)
    private String type;

    @Column(name = "entity_type", nullable = false)
    private String entityType;

    @Column(name = "entity_id")
    private Long entityId;

    /** The user who did it; 0 is amoCRM's "an integration or the system". */
    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "responsible_before")
    private Long responsibleBefore;

    @Column(name = "responsible_after")
    private Long responsibleAfter;

    protected Event() {
    }

    private Event(String type, Long entityId, long createdBy, Instant createdAt) {
        this.type = type;
        this.entityType = "lead";
        this.entityId = entityId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static Event activity(String type, Long leadId, long userId, Instant at) {
        return new Event(type, leadId, userId, at);
    }

    static Event responsibleChanged(long leadId, long before, long after, long byUserId, Instant at) {
        Event event = new Event(RESPONSIBLE_CHANGED, leadId, byUserId, at);
        event.responsibleBefore = before;
        event.responsibleAfter = after;
        return event;
    }

    Long getId() {
        return id;
    }

    String getType() {
        return type;
    }

    String getEntityType() {
        return entityType;
    }

    Long getEntityId() {
        return entityId;
    }

    long getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getResponsibleBefore() {
        return responsibleBefore;
    }

    Long getResponsibleAfter() {
        return responsibleAfter;
    }
}

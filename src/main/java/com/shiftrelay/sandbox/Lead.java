package com.shiftrelay.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** An amoCRM lead (deal) in the sandbox. */
@Entity(name = "SandboxLead")
@Table(name = "sandbox_leads")
class Lead {

    static final long STATUS_WON = 142;
    static final long STATUS_LOST = 143;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private long price;

    @Column(name = "responsible_user_id", nullable = false)
    private long responsibleUserId;

    @Column(name = "pipeline_id", nullable = false)
    private long pipelineId;

    @Column(name = "status_id", nullable = false)
    private long statusId;

    /** The "Закреплена за менеджером" checkbox: the deal stays with its person whatever happens. */
    @Column(nullable = false)
    private boolean pinned;

    /** An account rule forbids changing the responsible through the API. */
    @Column(nullable = false)
    private boolean locked;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "updated_by", nullable = false)
    private long updatedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /**
     * Read with the lead, as every amoCRM lead embeds its tags; a page of leads fetches the tags of all of them in
     * one query rather than one query a lead.
     */
    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "sandbox_lead_tags", joinColumns = @JoinColumn(name = "lead_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("id")
    @BatchSize(size = SandboxAmoCrmController.MAX_LEADS_PAGE)
    private List<Tag> tags = new ArrayList<>();

    protected Lead() {
    }

    Lead(String name, long price, long responsibleUserId, long pipelineId, long statusId, boolean pinned,
         List<Tag> tags, Instant createdAt) {
        this.name = name;
        this.price = price;
        this.responsibleUserId = responsibleUserId;
        this.pipelineId = pipelineId;
        this.pinned = pinned;
        this.tags = new ArrayList<>(tags);
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        moveToStatus(statusId, 0, createdAt);
    }

    static boolean isClosedStatus(long statusId) {
        return statusId == STATUS_WON || statusId == STATUS_LOST;
    }

    boolean isOpen() {
        return !isClosedStatus(statusId);
    }

    /** Sets a new responsible; answers whether it changed. */
    boolean assignTo(long userId, long byUserId, Instant now) {
        boolean changed = responsibleUserId != userId;
        responsibleUserId = userId;
        updatedBy = byUserId;
        updatedAt = now;
        return changed;
    }

    /** Moves the lead to a stage; answers whether the stage changed. */
    /** To a stage of another pipeline, as amoCRM moves a deal between pipelines. */
    boolean moveToPipeline(long newPipelineId, long newStatusId, long byUserId, Instant now) {
        boolean changed = pipelineId != newPipelineId;
        pipelineId = newPipelineId;
        return moveToStatus(newStatusId, byUserId, now) || changed;
    }

    boolean moveToStatus(long newStatusId, long byUserId, Instant now) {
        boolean changed = statusId != newStatusId;
        statusId = newStatusId;
        closedAt = isClosedStatus(newStatusId) ? now : null;
        updatedBy = byUserId;
        updatedAt = now;
        return changed;
    }

    void setPinned(boolean pinned, Instant now) {
        this.pinned = pinned;
        this.updatedAt = now;
    }

    void setLocked(boolean locked) {
        this.locked = locked;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    long getPrice() {
        return price;
    }

    long getResponsibleUserId() {
        return responsibleUserId;
    }

    long getPipelineId() {
        return pipelineId;
    }

    long getStatusId() {
        return statusId;
    }

    boolean isPinned() {
        return pinned;
    }

    boolean isLocked() {
        return locked;
    }

    long getCreatedBy() {
        return createdBy;
    }

    long getUpdatedBy() {
        return updatedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    List<Tag> getTags() {
        return List.copyOf(tags);
    }

    List<String> tagNames() {
        return tags.stream().map(Tag::getName).toList();
    }
}

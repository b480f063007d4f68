package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDeal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A deal's pipeline, stage and responsible as ShiftRelay last read them: a change event that names only the deal
 * (Bitrix24's {@code ONCRMDEALUPDATE}) is told apart by what now differs from this.
 */
@Entity
@Table(name = "deal_snapshot")
public class DealSnapshot {

    @Id
    @Column(name = "deal_id")
    private Long dealId;

    @Column(name = "pipeline_id", nullable = false)
    private long pipelineId;

    @Column(name = "status_id", nullable = false)
    private long statusId;

    /** The stage as the CRM writes it; null in a row written before it was kept. */
    @Column(name = "stage", length = 100)
    private String stage;

    @Column(name = "responsible_id", nullable = false)
    private long responsibleId;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected DealSnapshot() {
    }

    DealSnapshot(CrmDeal deal, Instant at) {
        this.dealId = deal.id();
        seen(deal, at);
    }

    void seen(CrmDeal deal, Instant at) {
        this.pipelineId = deal.pipelineId();
        this.statusId = deal.statusId();
        this.stage = deal.stage();
        this.responsibleId = deal.responsibleId();
        this.seenAt = at;
    }

    /** Whether the deal moved to another pipeline or stage since (between two open stages of Bitrix24 too). */
    boolean stageDiffers(CrmDeal deal) {
        return pipelineId != deal.pipelineId() || statusId != deal.statusId()
                || stage != null && !stage.equals(deal.stage());
    }

    long getResponsibleId() {
        return responsibleId;
    }

    Instant getSeenAt() {
        return seenAt;
    }
}

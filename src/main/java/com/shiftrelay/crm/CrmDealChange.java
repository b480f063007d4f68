package com.shiftrelay.crm;

import java.time.Instant;
import java.util.List;

/**
 * A change of one deal that the CRM reported to ShiftRelay (a webhook), in the domain's words. Fields the CRM did
 * not send for this kind of change are null; {@code previous*} are set only for the kind that changes them.
 *
 * @param kind                  what happened to the deal
 * @param dealId                the deal (amoCRM lead id)
 * @param name                  the deal's name, if sent
 * @param pipelineId            its pipeline after the change
 * @param statusId              its stage (status) after the change
 * @param previousPipelineId    the pipeline before a {@link Kind#STATUS_CHANGED}
 * @param previousStatusId      the stage before a {@link Kind#STATUS_CHANGED}
 * @param responsibleId         its responsible after the change
 * @param previousResponsibleId the responsible before a {@link Kind#RESPONSIBLE_CHANGED}
 * @param price                 its budget, if sent
 * @param tags                  its tags as written in the CRM (empty when none were sent)
 * @param modifiedBy            the CRM user who made the change, if sent
 * @param changedAt             when the CRM says the change happened (amoCRM's last_modified), if sent
 */
public record CrmDealChange(Kind kind, long dealId, String name, Long pipelineId, Long statusId,
                            Long previousPipelineId, Long previousStatusId, Long responsibleId,
                            Long previousResponsibleId, Long price, List<String> tags, Long modifiedBy,
                            Instant changedAt) {

    /** amoCRM's webhook actions for leads: add, update, status, responsible, delete, restore. */
    public enum Kind { ADDED, UPDATED, STATUS_CHANGED, RESPONSIBLE_CHANGED, DELETED, RESTORED }

    public CrmDealChange {
        if (kind == null) {
            throw new IllegalArgumentException("A deal change needs its kind");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

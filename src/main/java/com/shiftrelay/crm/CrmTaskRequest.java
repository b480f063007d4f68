package com.shiftrelay.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * A task to create in the CRM for a person, linked to a deal, or to a contact when there is no deal.
 *
 * @param requestKey the caller's key of the task: a CRM that takes one (amoCRM's {@code request_id}) echoes it, and
 *                   the caller's ledger keys the task by it so that a step run again creates no second task
 */
public record CrmTaskRequest(Long dealId, Long contactId, long responsibleId, String title, String text,
                             Instant deadline, String requestKey) {

    public CrmTaskRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestKey, "requestKey");
        if (dealId == null && contactId == null) {
            throw new IllegalArgumentException("A task is linked to a deal or to a contact");
        }
    }
}

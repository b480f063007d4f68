package com.shiftrelay.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * A task to create in the CRM for a person, linked to a deal, or to a contact when there is no deal, or to nothing
 * (a caller the CRM does not know).
 *
 * @param requestKey the caller's key of the task: a CRM that takes one (amoCRM's {@code request_id}) echoes it; no
 *                   CRM refuses a second task with the same key, which is why a caller whose answer was lost looks
 *                   the task up ({@link CrmGateway#findTask}) before it asks again
 */
public record CrmTaskRequest(Long dealId, Long contactId, long responsibleId, String title, String text,
                             Instant deadline, String requestKey) {

    public CrmTaskRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestKey, "requestKey");
    }
}

package com.shiftrelay.crm;

/** "Deal {@code dealId} now belongs to user {@code responsibleId}". */
public record Reassignment(long dealId, long responsibleId) {
}

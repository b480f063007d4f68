package com.shiftrelay.handover;

/** "Deal {@code dealId} goes from {@code fromId} to {@code toId}". */
public record PlannedMove(long dealId, long fromId, long toId) {
}

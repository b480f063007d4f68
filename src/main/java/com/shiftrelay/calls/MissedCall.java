package com.shiftrelay.calls;

import java.time.Instant;

/**
 * A callback owed to a client, from the first missed call until a call with the number succeeds: who it was given
 * to, the CRM task (and how many of the repeats it tells of), and how it ended.
 *
 * @param taskRequest the text of the CRM task as it was asked for, written before the CRM is asked: a step run again
 *                    after an answer that was lost looks for a task with exactly this text before it creates one
 * @param taskCompletedAt when the CRM task was completed with its result, before the deal's note is written
 */
public record MissedCall(long id, String clientNumber, boolean open, Instant firstMissedAt, Instant lastMissedAt,
                         int repeats, Long contactId, Long dealId, Long teamId, Long managerId, Long taskId,
                         String taskText, String taskRequest, int repeatsNoted, Instant deadline, String smsOutcome,
                         Instant escalatedAt, Instant calledBackAt, Long calledBackBy, Integer callbackSeconds,
                         Instant taskCompletedAt, Instant closedAt) {

    /** Whether its deadline has passed at {@code now} without a callback. */
    public boolean overdueAt(Instant now) {
        return deadline != null && calledBackAt == null && now.isAfter(deadline);
    }
}

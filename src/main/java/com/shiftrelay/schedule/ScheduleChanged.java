package com.shiftrelay.schedule;

/**
 * A manager's schedule or its exceptions changed (a swap changes both managers': one event each). Published inside
 * the changing transaction, so what listeners do (move the manager's shift timers) commits with the change.
 */
public record ScheduleChanged(long managerId) {
}

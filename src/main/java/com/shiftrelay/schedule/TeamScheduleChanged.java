package com.shiftrelay.schedule;

/**
 * A team's time zone or sweep times changed: its managers' shifts fall at other instants, its sweeps at other times.
 * Published inside the changing transaction.
 */
public record TeamScheduleChanged(long teamId) {
}

package com.shiftrelay.handover;

/** What planning a hand-over or return came to; {@code handoverId} is null when nothing was recorded. */
public record PlanOutcome(String handoverId, Outcome outcome, int batchCount, int dealCount) {

    /** PLANNED: batches to write; WAITING: nobody ONLINE to take the deals; the rest end the run. */
    public enum Outcome { PLANNED, WAITING, NOTHING_TO_MOVE, SWITCHED_OFF }

    static PlanOutcome of(Outcome outcome) {
        return new PlanOutcome(null, outcome, 0, 0);
    }
}

package com.shiftrelay.presence;

import java.time.Instant;

/** The outcome of an inactivity check: silent for too long, or when to look again. */
public record ActivityCheck(boolean inactive, Instant nextCheckAt) {
}

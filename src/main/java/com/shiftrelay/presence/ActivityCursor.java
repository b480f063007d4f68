package com.shiftrelay.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Where the reading of a CRM's event feed stopped, and whether the CRM has been answering lately. */
@Entity
@Table(name = "activity_cursor")
class ActivityCursor {

    @Id
    private String source;

    /** The newest event time read so far; the next read starts an overlap before it. */
    @Column(name = "read_from")
    private Instant readFrom;

    @Column(nullable = false)
    private int failures;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected ActivityCursor() {
    }

    ActivityCursor(String source, Instant readFrom) {
        this.source = source;
        this.readFrom = readFrom;
    }

    /** Where to read from; a feed never read is read from {@code firstRead}. */
    Instant readFrom(Instant firstRead) {
        return readFrom == null ? firstRead : readFrom;
    }

    void advanceTo(Instant at) {
        if (readFrom == null || at.isAfter(readFrom)) {
            readFrom = at;
        }
    }

    boolean backingOff(Instant now) {
        return nextAttemptAt != null && now.isBefore(nextAttemptAt);
    }

    /** The CRM did not answer: wait twice as long as last time before the next read, up to {@code longest}. */
    void failed(Instant now, String error, Duration first, Duration longest) {
        failures++;
        if (failingSince == null) {
            failingSince = now;
        }
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 16));
        nextAttemptAt = now.plus(wait.compareTo(longest) > 0 ? longest : wait);
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }

    void succeeded() {
        failures = 0;
        failingSince = null;
        nextAttemptAt = null;
        lastError = null;
    }

    int getFailures() {
        return failures;
    }

    Instant getFailingSince() {
        return failingSince;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getLastError() {
        return lastError;
    }
}

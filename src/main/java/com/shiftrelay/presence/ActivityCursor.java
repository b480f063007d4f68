package com.shiftrelay.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where the reading of a CRM's event feed stopped. */
@Entity
@Table(name = "activity_cursor")
class ActivityCursor {

    @Id
    private String source;

    @Column(name = "read_from")
    private Instant readFrom;

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
}

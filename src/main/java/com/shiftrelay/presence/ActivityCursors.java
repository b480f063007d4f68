package com.shiftrelay.presence;

import org.springframework.data.jpa.repository.JpaRepository;

/** The event-feed cursors, one per CRM. */
interface ActivityCursors extends JpaRepository<ActivityCursor, String> {
}

package com.shiftrelay.presence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Event ids of the CRM's feed counted already, within the overlap the feed is read with. */
interface SeenEvents extends JpaRepository<SeenEvent, SeenEvent.Key> {

    @Query("select e.eventId from SeenEvent e where e.source = :source and e.eventId in :ids")
    List<String> seenOf(@Param("source") String source, @Param("ids") Collection<String> ids);

    @Modifying
    @Query("delete from SeenEvent e where e.source = :source and e.createdAt < :before")
    int forgetBefore(@Param("source") String source, @Param("before") Instant before);
}

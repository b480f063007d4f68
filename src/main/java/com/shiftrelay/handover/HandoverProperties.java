package com.shiftrelay.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hand-overs and returns are written.
 *
 * @param recheckAfter a planned move whose deal was last seen in the CRM (at planning or at a re-read) longer
 *                     ago than this is re-read before it is written, so a change a person made meanwhile
 *                     is respected. The default, 5 s, leaves the first seconds of a run without re-reads
 *                     (planning has just read those deals) and costs one request per 250 deals after
 *                     that; PT0S re-reads before every batch.
 */
@ConfigurationProperties("shiftrelay.handover")
public record HandoverProperties(Duration recheckAfter) {

    public HandoverProperties {
        recheckAfter = recheckAfter == null ? Duration.ofSeconds(5) : recheckAfter;
    }
}

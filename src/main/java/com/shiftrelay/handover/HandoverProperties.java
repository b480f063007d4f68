package com.shiftrelay.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hand-overs and returns are written.
 *
 * @param recheckAfter a planned move whose deal was last seen in the CRM longer ago than this is re-read
 *                     before it is written, so a change a person made meanwhile is respected
 */
@ConfigurationProperties("shiftrelay.handover")
public record HandoverProperties(Duration recheckAfter) {

    public HandoverProperties {
        recheckAfter = recheckAfter == null ? Duration.ofSeconds(30) : recheckAfter;
    }
}

package com.shiftrelay.schedule;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Schedule settings.
 *
 * @param defaultTimeZone the time zone of a team that has none of its own: its managers' shift hours and sweep times
 *                        are wall-clock times there
 */
@ConfigurationProperties("shiftrelay.schedule")
public record ScheduleProperties(ZoneId defaultTimeZone) {

    public ScheduleProperties {
        defaultTimeZone = defaultTimeZone == null ? ZoneId.of("Europe/Moscow") : defaultTimeZone;
    }
}

package com.shiftrelay.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Presence timings, defaults as the field uses them.
 *
 * @param inactivityInterval    silence after which a manager is asked to confirm (teams may override)
 * @param confirmationTimeout   how long the confirmation task waits before the manager goes OFFLINE
 * @param activityPollInterval  how often the CRM's event feed is read
 * @param directorySyncInterval how often users and teams are read from the CRM
 */
@ConfigurationProperties("shiftrelay.presence")
public record PresenceProperties(Duration inactivityInterval, Duration confirmationTimeout,
                                 Duration activityPollInterval, Duration directorySyncInterval) {

    public PresenceProperties {
        inactivityInterval = inactivityInterval == null ? Duration.ofMinutes(15) : inactivityInterval;
        confirmationTimeout = confirmationTimeout == null ? Duration.ofSeconds(60) : confirmationTimeout;
        activityPollInterval = activityPollInterval == null ? Duration.ofSeconds(20) : activityPollInterval;
        directorySyncInterval = directorySyncInterval == null ? Duration.ofMinutes(10) : directorySyncInterval;
    }
}

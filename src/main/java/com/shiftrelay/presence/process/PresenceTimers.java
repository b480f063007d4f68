package com.shiftrelay.presence.process;

import com.shiftrelay.presence.PresenceProperties;
import org.springframework.stereotype.Component;

/** Timer cycles for the polling processes, read from configuration when the timers fall due (public for the engine's expression language). */
@Component("presenceTimers")
public class PresenceTimers {

    private final PresenceProperties properties;

    PresenceTimers(PresenceProperties properties) {
        this.properties = properties;
    }

    public String getActivityPollCycle() {
        return "R/" + properties.activityPollInterval();
    }

    public String getDirectorySyncCycle() {
        return "R/" + properties.directorySyncInterval();
    }
}

package com.shiftrelay.presence;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Presence timings, defaults as the field uses them.
 *
 * @param inactivityInterval    silence after which a manager is asked to confirm (teams may override)
 * @param confirmationTimeout   how long the confirmation task waits before the manager goes OFFLINE
 * @param activityPollInterval  how often the CRM's event feed is read
 * @param directorySyncInterval how often users and teams are read from the CRM
 * @param activityFeedOverlap   how far back before the newest event read each read of the feed starts, so an
 *                              event the CRM shows late with an older time is not missed
 * @param activityFeedLongestBackOff the longest pause between reads of the feed while the CRM does not answer
 * @param timeZone              the managers' time zone, in which the presence check's form says until when to answer
 * @param tasklistUrl           Tasklist's address as the managers reach it, for links to their tasks in notifications
 * @param workDayPause          what a paused work day on the CRM's time clock means: {@code ignore} (a break; the
 *                              inactivity check still applies) or {@code offline} (gone, the deals are handed over)
 */
@ConfigurationProperties("shiftrelay.presence")
public record PresenceProperties(Duration inactivityInterval, Duration confirmationTimeout,
                                 Duration activityPollInterval, Duration directorySyncInterval,
                                 Duration activityFeedOverlap, Duration activityFeedLongestBackOff,
                                 ZoneId timeZone, String tasklistUrl, WorkDayPause workDayPause) {

    /** See {@code workDayPause}. */
    public enum WorkDayPause { IGNORE, OFFLINE }

    public PresenceProperties {
        inactivityInterval = inactivityInterval == null ? Duration.ofMinutes(15) : inactivityInterval;
        confirmationTimeout = confirmationTimeout == null ? Duration.ofSeconds(60) : confirmationTimeout;
        activityPollInterval = activityPollInterval == null ? Duration.ofSeconds(20) : activityPollInterval;
        directorySyncInterval = directorySyncInterval == null ? Duration.ofMinutes(10) : directorySyncInterval;
        activityFeedOverlap = activityFeedOverlap == null ? Duration.ofSeconds(30) : activityFeedOverlap;
        activityFeedLongestBackOff = activityFeedLongestBackOff == null ? Duration.ofMinutes(5)
                : activityFeedLongestBackOff;
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        tasklistUrl = tasklistUrl == null || tasklistUrl.isBlank()
                ? "http://localhost:8080/camunda/app/tasklist/default/" : tasklistUrl.strip();
        if (!tasklistUrl.endsWith("/")) {
            tasklistUrl = tasklistUrl + "/";
        }
        workDayPause = workDayPause == null ? WorkDayPause.IGNORE : workDayPause;
    }
}

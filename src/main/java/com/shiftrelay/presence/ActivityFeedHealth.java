package com.shiftrelay.presence;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code crmActivityFeed}: DOWN while the CRM's event feed does not answer. */
@Component("crmActivityFeed")
class ActivityFeedHealth implements HealthIndicator {

    private final ActivityFeed feed;

    ActivityFeedHealth(ActivityFeed feed) {
        this.feed = feed;
    }

    @Override
    public Health health() {
        ActivityFeed.Health state = feed.health();
        Health.Builder health = state.answering() ? Health.up() : Health.down()
                .withDetail("failedReads", state.failures())
                .withDetail("failingSince", String.valueOf(state.failingSince()))
                .withDetail("nextAttemptAt", String.valueOf(state.nextAttemptAt()))
                .withDetail("lastError", String.valueOf(state.lastError()));
        return health.withDetail("readUpTo", String.valueOf(state.readUpTo())).build();
    }
}

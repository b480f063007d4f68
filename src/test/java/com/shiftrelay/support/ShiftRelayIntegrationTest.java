package com.shiftrelay.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the sandbox CRM, with intervals short enough to watch
 * a presence check and a hand-over happen in seconds. All integration tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.presence.inactivity-interval=PT6S",
        "shiftrelay.presence.confirmation-timeout=PT4S",
        "shiftrelay.presence.activity-poll-interval=PT1S",
        "shiftrelay.presence.directory-sync-interval=PT1H",
})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
public @interface ShiftRelayIntegrationTest {
}

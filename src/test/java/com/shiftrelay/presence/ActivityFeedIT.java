package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.fake.FakeCrm;
import com.shiftrelay.support.IntegrationTestProfiles;
import com.shiftrelay.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading the CRM's event feed against the real schema and transactions (H2, and PostgreSQL in CI), with the
 * CRM faked behind its port: late events, events read twice, an outage, and no CRM call under a row lock.
 */
@DataJpaTest(properties = {"shiftrelay.presence.activity-feed-overlap=PT30S",
        "shiftrelay.presence.activity-poll-interval=PT20S", "shiftrelay.presence.activity-feed-longest-back-off=PT5M"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@Import({ActivityFeed.class, Presence.class, ActivityFeedHealth.class, ActivityFeedIT.Beans.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ActivityFeedIT {

    @TestConfiguration
    @EnableConfigurationProperties(PresenceProperties.class)
    static class Beans {
        @Bean
        FakeCrm fakeCrm() {
            return new FakeCrm();
        }

        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
        }

        @Bean
        RecordedSignals signals() {
            return new RecordedSignals();
        }
    }

    /** Presence signals as a list of what was sent. */
    static final class RecordedSignals implements PresenceSignals {
        final List<String> sent = new ArrayList<>();

        @Override
        public void activityNoticed(long managerId) {
            sent.add("activity " + managerId);
        }

        @Override
        public void presenceConfirmed(long managerId) {
            sent.add("confirmed " + managerId);
        }

        @Override
        public boolean wentOffline(long managerId) {
            return true;
        }

        @Override
        public void teamMemberCameOnline(long teamId) {
        }

        @Override
        public boolean shiftEnded(long managerId) {
            return false;
        }

        @Override
        public void deactivated(long managerId) {
        }

        @Override
        public void track(Manager manager) {
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired ActivityFeed feed;
    @Autowired ActivityFeedHealth health;
    @Autowired ActivityCursors cursors;
    @Autowired Managers managers;
    @Autowired FakeCrm crm;
    @Autowired MovableClock clock;
    @Autowired TransactionTemplate tx;

    private long anna;
    private long boris;

    @BeforeEach
    void twoManagersAndAFreshCursor() {
        long base = ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000;
        anna = base + 1;
        boris = base + 2;
        clock.set(T0);
        crm.down(false);
        crm.clearEvents();
        tx.executeWithoutResult(status -> {
            managers.save(new Manager(anna, "a" + anna, "Anna", null, null, T0.minusSeconds(3600)));
            managers.save(new Manager(boris, "b" + boris, "Boris", null, null, T0.minusSeconds(3600)));
            ActivityCursor cursor = cursors.findById(ActivityFeed.SOURCE).orElseThrow();
            cursor.succeeded();
            cursors.save(new ActivityCursor(ActivityFeed.SOURCE, T0.minusSeconds(60)));
        });
    }

    @Test
    void anEventListedLateWithAnOlderTimeIsStillCountedAndNoEventCountsTwice() {
        crm.event(event("e1-" + anna, anna, T0.minusSeconds(10)));
        assertThat(feed.poll()).isEqualTo(1);

        // The CRM lists an event of Boris's only now, stamped before the newest event already read.
        clock.set(T0.plusSeconds(20));
        crm.event(event("e2-" + boris, boris, T0.minusSeconds(25)));
        assertThat(feed.poll()).as("Boris's late event").isEqualTo(1);
        assertThat(managers.findById(boris).orElseThrow().getLastActivityAt())
                .isEqualTo(T0.minusSeconds(25).plusMillis(999));

        clock.set(T0.plusSeconds(40));
        assertThat(feed.poll()).as("both events are in the overlap again, and neither counts twice").isZero();
    }

    @Test
    void aCrmOutageIsOneHealthSignalWithABackOffNotAFailurePerPoll() {
        crm.down(true);
        int reads = crm.activityReads.get();

        assertThat(feed.poll()).isZero();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.health().getDetails()).containsEntry("failedReads", 1);

        clock.set(T0.plusSeconds(10));
        feed.poll();
        assertThat(crm.activityReads.get() - reads).as("backing off: no request within 20 s").isEqualTo(1);

        clock.set(T0.plusSeconds(21));
        feed.poll();
        assertThat(crm.activityReads.get() - reads).isEqualTo(2);
        assertThat(health.health().getDetails()).containsEntry("failedReads", 2)
                .containsEntry("nextAttemptAt", T0.plusSeconds(21 + 40).toString());

        crm.down(false);
        crm.event(event("e3-" + anna, anna, T0.plusSeconds(30)));
        clock.set(T0.plusSeconds(62));
        assertThat(feed.poll()).as("activity during the outage is read once it answers").isEqualTo(1);
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void theCrmIsAskedWithNoRowLockedAndWhatItSaidIsRecordedAfterwards() throws Exception {
        crm.event(event("e4-" + anna, anna, T0.minusSeconds(5)));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another poll (another node) holds the cursor's lock.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            cursors.lock(ActivityFeed.SOURCE).orElseThrow();
            locked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        locked.await(10, TimeUnit.SECONDS);
        int reads = crm.activityReads.get();

        CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(feed::poll);
        await().atMost(Duration.ofSeconds(10)).until(() -> crm.activityReads.get() > reads);
        assertThat(poll).as("recording waits for the lock").isNotDone();

        release.countDown();
        other.get(10, TimeUnit.SECONDS);
        assertThat(poll.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private static CrmActivity event(String id, long user, Instant at) {
        return new CrmActivity(id, user, ActivityType.INCOMING_CALL, at);
    }
}

package com.shiftrelay.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One SMS per key, and one per number within the window whichever key asks, held in the database: the guarantee a
 * node's memory could not give when two nodes handle two calls of one client.
 */
class SmsSendingTest {

    /** A gateway that records what it sent and fails as told. */
    static final class Recorder implements SmsGateway {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile RuntimeException failWith;

        @Override
        public String send(String number, String text) {
            RuntimeException failure = failWith;
            if (failure != null) {
                throw failure;
            }
            sent.add(number + ": " + text);
            return "id-" + sent.size();
        }
    }

    private final Recorder gateway = new Recorder();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T11:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private JdbcDataSource db;
    private SmsSending sending;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:sms-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
        Flyway.configure().dataSource(db).load().migrate();
        sending = sending(gateway);
    }

    private SmsSending sending(SmsGateway through) {
        JdbcTemplate jdbc = new JdbcTemplate(db);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (through != null) {
            beans.addBean("smsGateway", through);
        }
        return new SmsSending(beans.getBeanProvider(SmsGateway.class), new SmsThrottle(jdbc, new DataSourceTransactionManager(db)), new SmsMessages(jdbc),
                new SmsProperties(null, Duration.ofMinutes(10), "https://clinic.example/chat", null, null), clock,
                new DataSourceTransactionManager(db));
    }

    @Test
    void theTextCarriesTheChatLinkAndGoesOutOncePerKey() {
        assertThat(sending.send("call-1", "79161234567")).isEqualTo(SmsSending.Outcome.SENT);
        assertThat(sending.send("call-1", "79161234567")).as("the step run again").isEqualTo(SmsSending.Outcome.SENT);

        assertThat(gateway.sent).containsExactly("79161234567: Мы видим ваш пропущенный звонок и скоро перезвоним."
                + " Написать нам в чат: https://clinic.example/chat");
    }

    @Test
    void aSecondCallWithinTheWindowTextsNobodyAndOneAfterItDoes() {
        assertThat(sending.send("call-1", "79161234567")).isEqualTo(SmsSending.Outcome.SENT);
        now.set(now.get().plus(Duration.ofMinutes(9)));
        assertThat(sending.send("call-2", "79161234567")).isEqualTo(SmsSending.Outcome.THROTTLED);
        assertThat(sending.send("call-2", "79161234567")).as("and stays so").isEqualTo(SmsSending.Outcome.THROTTLED);
        assertThat(sending.send("call-3", "79169999999")).as("another number").isEqualTo(SmsSending.Outcome.SENT);
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(sending.send("call-4", "79161234567")).isEqualTo(SmsSending.Outcome.SENT);

        assertThat(gateway.sent).hasSize(3);
    }

    @Test
    void aGatewayThatDidNotSendLeavesTheKeyFreeToTryAgain() {
        gateway.failWith = new SmsUnavailableException("SMS.ru cannot send now (220)");
        assertThatThrownBy(() -> sending.send("call-1", "79161234567")).isInstanceOf(SmsUnavailableException.class);
        gateway.failWith = null;

        assertThat(sending.send("call-1", "79161234567")).isEqualTo(SmsSending.Outcome.SENT);
        assertThat(gateway.sent).hasSize(1);
    }

    /** The real CRMs' profiles text nobody until SMS.ru is connected. */
    @Test
    void withoutAGatewayNothingIsSentAndSaidSo() {
        assertThat(sending(null).send("call-1", "79161234567")).isEqualTo(SmsSending.Outcome.NOT_CONFIGURED);
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void aRefusalIsThrownNamingTheNumber() {
        gateway.failWith = new SmsRejectedException("79161234567", 202, "wrong number");
        assertThatThrownBy(() -> sending.send("call-1", "79161234567")).isInstanceOf(SmsRejectedException.class)
                .hasMessageContaining("79161234567");
    }

    /** A node that died while the gateway had the SMS leaves SENDING behind: the step run again does not text twice. */
    @Test
    void anSmsUnderWayWhenItsNodeDiedIsNotSentAgain() {
        SmsGateway dying = (number, text) -> {
            throw new IllegalStateException("kill -9");
        };
        assertThatThrownBy(() -> sending(dying).send("call-1", "79161234567")).isInstanceOf(IllegalStateException.class);

        assertThat(sending.send("call-1", "79161234567")).isEqualTo(SmsSending.Outcome.SENT);
        assertThat(gateway.sent).isEmpty();
    }

    /** Two nodes, two calls of one client at the same moment: one SMS. */
    @Test
    void twoKeysRacingForOneNumberSendOneSms() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SmsSending.Outcome>> outcomes = new ArrayList<>();
            for (int node = 0; node < 8; node++) {
                String key = "call-" + node;
                SmsSending own = sending(gateway);
                Callable<SmsSending.Outcome> call = () -> {
                    start.await();
                    return own.send(key, "79161234567");
                };
                outcomes.add(pool.submit(call));
            }
            start.countDown();
            List<SmsSending.Outcome> results = new ArrayList<>();
            for (Future<SmsSending.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).filteredOn(o -> o == SmsSending.Outcome.SENT).hasSize(1);
            assertThat(gateway.sent).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

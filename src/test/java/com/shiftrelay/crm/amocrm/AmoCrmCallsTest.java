package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How one amoCRM call is made: the timeouts its requests carry and the time budget that bounds its waits and
 * retries. The budgets here are a second or two, so the tests wait for real but briefly.
 */
class AmoCrmCallsTest {

    private static final Duration UNAVAILABLE_BACKOFF = Duration.ofMillis(200);

    @Test
    void sendsEachRequestWithFiveSecondsToConnectAndTenToAnswer() {
        Request.Options sent = calls(Duration.ofSeconds(30), 7).call(options -> options);

        assertThat(sent.connectTimeoutMillis()).isEqualTo(5_000);
        assertThat(sent.readTimeoutMillis()).isEqualTo(10_000);
    }

    @Test
    void shortensARequestsTimeoutsToWhatIsLeftOfTheBudget() {
        Request.Options sent = calls(Duration.ofSeconds(3), 7).call(options -> options);

        assertThat(sent.connectTimeoutMillis()).isPositive();
        assertThat(sent.readTimeoutMillis()).isGreaterThan(sent.connectTimeoutMillis());
        assertThat(sent.connectTimeoutMillis() + sent.readTimeoutMillis()).isLessThanOrEqualTo(3_000);
    }

    @Test
    void stopsWaitingOutRateLimitsWhenTheNextWaitWouldPassTheDeadline() {
        AmoCrmCalls calls = calls(Duration.ofMillis(1_500), 7);
        List<CrmRateLimitedException> thrown = new ArrayList<>();

        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> calls.call(options -> {
            CrmRateLimitedException limited = new CrmRateLimitedException("429 #" + (thrown.size() + 1),
                    Duration.ofSeconds(1));
            thrown.add(limited);
            throw limited;
        }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Waited 1 s after the first 429; the second would have meant 2 s more, past the 1.5 s budget, where five
        // retries were allowed.
        assertThat(thrown).hasSize(2);
        assertThat(failure).isSameAs(thrown.get(1));
        // within the budget, give or take the machine's scheduling
        assertThat(took).isBetween(Duration.ofMillis(950), Duration.ofMillis(1_500 + 300));
    }

    @Test
    void stopsRetryingAnUnreachableCrmWhenTheNextWaitWouldPassTheDeadline() {
        AmoCrmCalls calls = calls(Duration.ofMillis(500), 7);
        List<CrmUnavailableException> thrown = new ArrayList<>();

        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> calls.call(options -> {
            CrmUnavailableException down = new CrmUnavailableException("503 #" + (thrown.size() + 1));
            thrown.add(down);
            throw down;
        }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // 200 ms after the first failure; the next 400 ms would end past the 500 ms budget, so no third attempt.
        assertThat(thrown).hasSize(2);
        assertThat(failure).isSameAs(thrown.get(1));
        assertThat(took).isBetween(Duration.ofMillis(190), Duration.ofMillis(500 + 300));
    }

    @Test
    void retriesAnUnreachableCrmThreeTimesWhenTheBudgetAllows() {
        AmoCrmCalls calls = calls(Duration.ofSeconds(5), 7);
        List<CrmUnavailableException> thrown = new ArrayList<>();

        assertThatThrownBy(() -> calls.call(options -> {
            CrmUnavailableException down = new CrmUnavailableException("503");
            thrown.add(down);
            throw down;
        })).isInstanceOf(CrmUnavailableException.class);
        assertThat(thrown).hasSize(3);
    }

    @Test
    void doesNotWaitForARequestSlotBeyondTheBudget() {
        AmoCrmCalls calls = calls(Duration.ofMillis(200), 1);
        List<Integer> sent = new ArrayList<>();

        calls.call(options -> sent.add(1));
        // One request a second: the second call may still get the next slot in time, the third cannot, as its
        // slot is at least a second away.
        int refused = 0;
        Throwable failure = null;
        Duration took = Duration.ZERO;
        for (int call = 2; call <= 3 && failure == null; call++) {
            int number = call;
            long started = System.nanoTime();
            failure = catchThrowable(() -> calls.call(options -> sent.add(number)));
            took = Duration.ofNanos(System.nanoTime() - started);
            refused = number;
        }

        assertThat(failure).isInstanceOf(CrmRateLimitedException.class);
        assertThat(sent).doesNotContain(refused);
        assertThat(took).isLessThan(Duration.ofMillis(200 + 300));
    }

    private static AmoCrmCalls calls(Duration callTimeout, int requestsPerSecond) {
        AmoCrmProperties properties = new AmoCrmProperties(null, null, null, requestsPerSecond, null, null, null,
                null, callTimeout);
        return new AmoCrmCalls(mock(AmoCrmAuthorization.class), properties, AmoCrmClientConfiguration.TIMEOUTS,
                UNAVAILABLE_BACKOFF, Clock.systemUTC());
    }
}

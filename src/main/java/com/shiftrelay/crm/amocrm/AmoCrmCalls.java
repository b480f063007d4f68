package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CallTimeouts;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every amoCRM request is made: within the account's request rate, tried again after a 429 or a server
 * error, renewed once after a 401, with Feign's own failures turned into the CRM port's exceptions. One call, with
 * its wait for a request slot, its requests and its retries, ends within {@link AmoCrmProperties#callTimeout()}:
 * a retry whose wait would end past that deadline is not made and the last failure is thrown instead, so that
 * a job making a known number of calls never outlives its lock. The engine tries the job again later anyway.
 * Only an OAuth token renewal on the way, about once a day, takes its own request timeouts.
 */
final class AmoCrmCalls {

    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final int UNAVAILABLE_ATTEMPTS = 3;

    private final AmoCrmAuthorization authorization;
    private final Request.Options timeouts;
    private final Duration callTimeout;
    private final int rateLimitAttempts;
    private final Duration unavailableBackoff;
    private final Clock clock;
    private final RateLimiter rateLimiter;

    AmoCrmCalls(AmoCrmAuthorization authorization, AmoCrmProperties properties, Request.Options timeouts,
                Duration unavailableBackoff, Clock clock) {
        this.authorization = authorization;
        this.timeouts = timeouts;
        this.callTimeout = properties.callTimeout();
        this.rateLimitAttempts = properties.rateLimitRetries() + 1;
        this.unavailableBackoff = unavailableBackoff;
        this.clock = clock;
        this.rateLimiter = RateLimiter.of("amocrm", RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // No call may wait longer than its whole budget; each call then holds the slot to its own deadline.
                .timeoutDuration(callTimeout)
                .build());
    }

    /** Makes the request, which gets the timeouts it is to be sent with. */
    <T> T call(Function<Request.Options, T> request) {
        return call(request, true);
    }

    /**
     * Makes a request that must not be made twice (creating something): a failure whose outcome is unknown (no answer
     * in time, a 5xx) is not tried again here, since amoCRM may have done it; the caller finds out what became of it.
     * A 429 or a rejected token, which amoCRM answers before doing anything, is tried again as usual.
     */
    <T> T callOnce(Function<Request.Options, T> request) {
        return call(request, false);
    }

    private <T> T call(Function<Request.Options, T> request, boolean repeatable) {
        Budget budget = new Budget(clock.instant().plus(callTimeout));
        Supplier<T> limited = () -> {
            budget.waitForRequestSlot();
            return translated(() -> request.apply(budget.timeouts()));
        };
        Supplier<T> authorised = () -> {
            try {
                return limited.get();
            } catch (AmoCrmTokenRejected rejected) {
                authorization.renewAfterRejection(rejected);
                try {
                    return limited.get();
                } catch (AmoCrmTokenRejected again) {
                    throw new CrmException("amoCRM rejected a freshly renewed token", again);
                }
            }
        };
        // Built per call: whether to retry depends on this call's deadline.
        Retry unavailableRetry = Retry.of("amocrm-unavailable", RetryConfig.custom()
                .maxAttempts(repeatable ? UNAVAILABLE_ATTEMPTS : 1)
                .retryOnException(budget::retryWhenUnavailable)
                .intervalBiFunction((attempt, outcome) -> budget.nextWait().toMillis())
                .build());
        Retry rateLimitRetry = Retry.of("amocrm-rate-limited", RetryConfig.custom()
                .maxAttempts(rateLimitAttempts)
                .retryOnException(budget::retryWhenRateLimited)
                .intervalBiFunction((attempt, outcome) -> budget.nextWait().toMillis())
                .build());
        return Retry.decorateSupplier(rateLimitRetry, Retry.decorateSupplier(unavailableRetry, authorised)).get();
    }

    /** {@link #callOnce} for a request without an answer to read. */
    void runOnce(Consumer<Request.Options> request) {
        callOnce(options -> {
            request.accept(options);
            return null;
        });
    }

    void run(Consumer<Request.Options> request) {
        call(options -> {
            request.accept(options);
            return null;
        });
    }

    /**
     * The server's Retry-After, but never less than a doubling back-off from one second: amoCRM blocks the IP of
     * a client that keeps exceeding its limit, so repeated 429s must slow us down further.
     */
    static Duration rateLimitWait(int attempt, Throwable failure) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(Math.max(attempt - 1, 0), 6));
        Duration hint = failure instanceof CrmRateLimitedException limited && limited.retryAfter() != null
                ? limited.retryAfter() : Duration.ZERO;
        Duration wait = hint.compareTo(backoff) > 0 ? hint : backoff;
        return wait.compareTo(MAX_RATE_LIMIT_WAIT) > 0 ? MAX_RATE_LIMIT_WAIT : wait;
    }

    private static <T> T translated(Supplier<T> request) {
        try {
            return request.get();
        } catch (RetryableException e) {
            throw new CrmUnavailableException("amoCRM could not be reached: " + e.getMessage(), e);
        } catch (FeignException e) {
            throw new CrmException("amoCRM request failed: " + e.getMessage(), e);
        }
    }

    /** One call's deadline, and what its retries have waited so far. */
    private final class Budget {

        private final Instant deadline;
        private int rateLimited;
        private int unavailable;
        private Duration nextWait = Duration.ZERO;

        Budget(Instant deadline) {
            this.deadline = deadline;
        }

        boolean retryWhenRateLimited(Throwable failure) {
            return failure instanceof CrmRateLimitedException && plan(rateLimitWait(++rateLimited, failure));
        }

        boolean retryWhenUnavailable(Throwable failure) {
            return failure instanceof CrmUnavailableException
                    && plan(unavailableBackoff.multipliedBy(1L << Math.min(unavailable++, 16)));
        }

        /** The wait the last positive retry decision was made for. */
        Duration nextWait() {
            return nextWait;
        }

        /**
         * Waits for the account's next request slot if it comes before the deadline. A slot reserved but then not
         * waited for is lost, which only ever leaves amoCRM fewer requests.
         */
        void waitForRequestSlot() {
            long nanos = rateLimiter.reservePermission();
            Duration wait = Duration.ofNanos(Math.max(nanos, 0));
            if (nanos < 0 || !endsInTime(wait)) {
                throw new CrmRateLimitedException("No amoCRM request slot within the call's time budget of "
                        + callTimeout + " (" + rateLimiter.getRateLimiterConfig().getLimitForPeriod()
                        + " requests a second)", nanos < 0 ? AmoCrmErrorDecoder.DEFAULT_RETRY_AFTER : wait);
            }
            if (nanos > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CrmException("Interrupted while waiting for an amoCRM request slot", e);
                }
            }
        }

        /**
         * The client's timeouts, shortened to what is left of the budget so a request cannot outlive its call;
         * connecting and answering share what is left in the client's proportion.
         */
        Request.Options timeouts() {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                throw new CrmUnavailableException("The amoCRM call has used up its time budget of " + callTimeout);
            }
            return CallTimeouts.within(left, timeouts.connectTimeoutMillis(), timeouts.readTimeoutMillis())
                    .map(cut -> new Request.Options(cut.connectMillis(), TimeUnit.MILLISECONDS, cut.readMillis(),
                            TimeUnit.MILLISECONDS, timeouts.isFollowRedirects()))
                    .orElse(timeouts);
        }

        private boolean plan(Duration wait) {
            if (!endsInTime(wait)) {
                return false;
            }
            nextWait = wait;
            return true;
        }

        private boolean endsInTime(Duration wait) {
            return clock.instant().plus(wait).isBefore(deadline);
        }
    }
}

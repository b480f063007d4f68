package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.crm.CallTimeouts;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.bucket4j.Bucket;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How every Bitrix24 request is made. The portal limits requests by a leaky bucket (limits.md): a counter that every
 * request raises by one and that drains at 2 a second; past 50 the portal answers 503 {@code QUERY_LIMIT_EXCEEDED}.
 * The same bucket is kept here with Bucket4j (a capacity of the burst, refilled greedily at the drain rate), so a
 * request leaves only when the portal's bucket has room for it: a burst of 50 goes at once, and then 2 a second.
 *
 * <p>A 503 all the same (another application on the portal shares the bucket) empties the local bucket, so every
 * thread slows down, and the request is tried again after a back-off; a 429 {@code OPERATION_TIME_LIMIT} waits until
 * the method's {@code operating_reset_at}; an {@code expired_token} refreshes the token once. One call, with its
 * waits and retries, ends within {@link Bitrix24Properties#callTimeout()}: a wait that would end past that deadline
 * is not made and the last failure is thrown, so that a job making a known number of calls never outlives its lock.
 */
final class Bitrix24Calls {

    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final int UNAVAILABLE_ATTEMPTS = 3;

    private final Bitrix24Api api;
    private final Bitrix24Authorization authorization;
    private final Request.Options timeouts;
    private final Duration callTimeout;
    private final int rateLimitAttempts;
    private final Duration unavailableBackoff;
    private final Duration drainInterval;
    private final Clock clock;
    private final Bucket bucket;

    Bitrix24Calls(Bitrix24Api api, Bitrix24Authorization authorization, Bitrix24Properties properties,
                  Request.Options timeouts, Duration unavailableBackoff, Clock clock) {
        this.api = api;
        this.authorization = authorization;
        this.timeouts = timeouts;
        this.callTimeout = properties.callTimeout();
        this.rateLimitAttempts = properties.rateLimitRetries() + 1;
        this.unavailableBackoff = unavailableBackoff;
        this.drainInterval = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / properties.requestsPerSecond());
        this.clock = clock;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.burst())
                        .refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }

    /** Calls {@code method} with {@code params} and gives its whole answer ({@code result}, {@code next}, ...). */
    JsonNode call(String method, Map<String, Object> params) {
        return call(method, params, true);
    }

    /**
     * Calls a method that must not be called twice (creating something): a failure whose outcome is unknown (no answer
     * in time, a 5xx other than the portal's own QUERY_LIMIT_EXCEEDED) is not tried again here, since the portal may
     * have done it; the caller finds out what became of it. A refusal the portal makes before doing anything (the
     * bucket full, the token expired) is tried again as usual.
     */
    JsonNode callOnce(String method, Map<String, Object> params) {
        return call(method, params, false);
    }

    private JsonNode call(String method, Map<String, Object> params, boolean repeatable) {
        Budget budget = new Budget(clock.instant().plus(callTimeout), repeatable);
        Supplier<JsonNode> once = () -> {
            Optional<String> token = translated(authorization::accessToken);
            budget.waitForBucket();
            try {
                return translated(() -> api.call(method, signed(params, token), budget.timeouts()));
            } catch (Bitrix24TokenExpired expired) {
                budget.tokenExpired(expired);
                authorization.renewAfterExpiry(token.orElse(""), expired);
                throw expired;
            } catch (Bitrix24QueryLimitExceeded full) {
                // The portal's bucket is fuller than ours: someone else uses it too. Empty ours, so every thread
                // waits for the drain instead of piling on.
                bucket.tryConsumeAsMuchAsPossible();
                throw full;
            }
        };
        Retry retry = Retry.of("bitrix24", RetryConfig.custom()
                .maxAttempts(rateLimitAttempts + UNAVAILABLE_ATTEMPTS + 1)
                .retryOnException(budget::retry)
                .intervalBiFunction((attempt, outcome) -> budget.nextWait().toMillis())
                .build());
        return Retry.decorateSupplier(retry, once).get();
    }

    private static Map<String, Object> signed(Map<String, Object> params, Optional<String> token) {
        if (token.isEmpty()) {
            return params;
        }
        Map<String, Object> signed = new LinkedHashMap<>(params);
        signed.put("auth", token.get());
        return signed;
    }

    /**
     * The wait before the next try after the portal said "too much": its hint (the time until the method's operating
     * time resets), but never less than a doubling back-off from the drain interval.
     */
    Duration rateLimitWait(int attempt, CrmRateLimitedException failure) {
        Duration backoff = drainInterval.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 8));
        Duration hint = failure.retryAfter() == null ? Duration.ZERO : failure.retryAfter();
        Duration wait = hint.compareTo(backoff) > 0 ? hint : backoff;
        return wait.compareTo(MAX_RATE_LIMIT_WAIT) > 0 ? MAX_RATE_LIMIT_WAIT : wait;
    }

    private static <T> T translated(Supplier<T> request) {
        try {
            return request.get();
        } catch (RetryableException e) {
            throw new CrmUnavailableException("Bitrix24 could not be reached: " + e.getMessage(), e);
        } catch (FeignException e) {
            throw new CrmException("Bitrix24 request failed: " + e.getMessage(), e);
        }
    }

    /** One call's deadline, and what its retries have waited so far. */
    private final class Budget {

        private final Instant deadline;
        private final boolean repeatable;
        private int rateLimited;
        private int unavailable;
        private boolean refreshed;
        private Duration nextWait = Duration.ZERO;

        Budget(Instant deadline, boolean repeatable) {
            this.deadline = deadline;
            this.repeatable = repeatable;
        }

        void tokenExpired(Bitrix24TokenExpired expired) {
            if (refreshed) {
                throw new CrmException("Bitrix24 rejected a freshly refreshed token", expired);
            }
            refreshed = true;
        }

        boolean retry(Throwable failure) {
            if (failure instanceof Bitrix24TokenExpired) {
                return plan(Duration.ZERO);
            }
            if (failure instanceof CrmRateLimitedException limited) {
                return ++rateLimited < rateLimitAttempts && plan(rateLimitWait(rateLimited, limited));
            }
            if (failure instanceof CrmUnavailableException) {
                return repeatable && ++unavailable < UNAVAILABLE_ATTEMPTS
                        && plan(unavailableBackoff.multipliedBy(1L << Math.min(unavailable - 1, 16)));
            }
            return false;
        }

        Duration nextWait() {
            return nextWait;
        }

        /** Waits until the bucket has room, if that comes before the deadline; otherwise fails as rate limited. */
        void waitForBucket() {
            Duration left = Duration.between(clock.instant(), deadline);
            boolean consumed;
            try {
                consumed = !left.isNegative() && bucket.asBlocking().tryConsume(1, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrmException("Interrupted while waiting for room in the Bitrix24 request bucket", e);
            }
            if (!consumed) {
                throw new CrmRateLimitedException("No room in the Bitrix24 request bucket within the call's time"
                        + " budget of " + callTimeout, drainInterval);
            }
        }

        /** The client's timeouts, shortened to what is left of the budget so a request cannot outlive its call. */
        Request.Options timeouts() {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                throw new CrmUnavailableException("The Bitrix24 call has used up its time budget of " + callTimeout);
            }
            return CallTimeouts.within(left, timeouts.connectTimeoutMillis(), timeouts.readTimeoutMillis())
                    .map(cut -> new Request.Options(cut.connectMillis(), TimeUnit.MILLISECONDS, cut.readMillis(),
                            TimeUnit.MILLISECONDS, timeouts.isFollowRedirects()))
                    .orElse(timeouts);
        }

        private boolean plan(Duration wait) {
            if (!clock.instant().plus(wait).isBefore(deadline)) {
                return false;
            }
            nextWait = wait;
            return true;
        }
    }
}

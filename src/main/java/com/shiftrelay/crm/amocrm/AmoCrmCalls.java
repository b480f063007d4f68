package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every amoCRM request is made: within the account's request rate, tried again after a 429 or a server
 * error, renewed once after a 401, with Feign's own failures turned into the CRM port's exceptions.
 */
final class AmoCrmCalls {

    private static final Duration PERMIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final int UNAVAILABLE_ATTEMPTS = 3;

    private final AmoCrmAuthorization authorization;
    private final Request.Options timeouts;
    private final RateLimiter rateLimiter;
    private final Retry rateLimitRetry;
    private final Retry unavailableRetry;

    AmoCrmCalls(AmoCrmAuthorization authorization, AmoCrmProperties properties, Request.Options timeouts,
                Duration unavailableBackoff) {
        this.authorization = authorization;
        this.timeouts = timeouts;
        this.rateLimiter = RateLimiter.of("amocrm", RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(PERMIT_TIMEOUT)
                .build());
        this.rateLimitRetry = Retry.of("amocrm-rate-limited", RetryConfig.custom()
                .maxAttempts(properties.rateLimitRetries() + 1)
                .retryOnException(e -> e instanceof CrmRateLimitedException)
                .intervalBiFunction((attempt, outcome) -> rateLimitWait(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null).toMillis())
                .build());
        this.unavailableRetry = Retry.of("amocrm-unavailable", RetryConfig.custom()
                .maxAttempts(UNAVAILABLE_ATTEMPTS)
                .retryOnException(e -> e instanceof CrmUnavailableException)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(unavailableBackoff, 2))
                .build());
    }

    /** Makes the request, which gets the timeouts it is to be sent with. */
    <T> T call(Function<Request.Options, T> request) {
        Supplier<T> limited = () -> {
            acquirePermit();
            return translated(() -> request.apply(timeouts));
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
        return Retry.decorateSupplier(rateLimitRetry, Retry.decorateSupplier(unavailableRetry, authorised)).get();
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

    private void acquirePermit() {
        try {
            RateLimiter.waitForPermission(rateLimiter);
        } catch (RequestNotPermitted e) {
            throw new CrmException("No amoCRM request slot within " + PERMIT_TIMEOUT.toSeconds() + " s", e);
        }
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
}

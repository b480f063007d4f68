package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmNotFoundException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Turns amoCRM's error statuses and problem documents into the CRM port's exceptions. A 429's Retry-After
 * (seconds or an HTTP date) is read by Feign's own {@link ErrorDecoder.Default}.
 */
final class AmoCrmErrorDecoder implements ErrorDecoder {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final AmoCrmJson json;
    private final ErrorDecoder feign = new ErrorDecoder.Default();

    AmoCrmErrorDecoder(AmoCrmJson json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        Optional<AmoCrmApi.Problem> problem = problemOf(response);
        String what = "amoCRM answered " + status + " to " + response.request().httpMethod() + " "
                + pathOf(response.request().url()) + problem.map(p -> ": " + describe(p)).orElse("");
        if (status == 400 || status == 422) {
            return new AmoCrmRejection(what, problem.map(AmoCrmApi.Problem::validationErrors).orElse(List.of()));
        }
        if (status == 401) {
            return new AmoCrmTokenRejected(what);
        }
        if (status == 404) {
            return new CrmNotFoundException(what);
        }
        if (status == 429) {
            return new CrmRateLimitedException(what, retryAfter(methodKey, response));
        }
        if (status >= 500) {
            return new CrmUnavailableException(what);
        }
        return new CrmException(what);
    }

    private Optional<AmoCrmApi.Problem> problemOf(Response response) {
        try {
            return json.problemOf(AmoCrmJson.bodyOf(response));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String describe(AmoCrmApi.Problem problem) {
        if (problem.detail() == null || problem.detail().equals(problem.title())) {
            return String.valueOf(problem.title());
        }
        return problem.title() + " (" + problem.detail() + ")";
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /**
     * Feign gives Retry-After as the moment to retry at, on the system clock, which is the clock it is read
     * against here. HTTP counts in whole seconds, so the wait is rounded up to one; a moment past is no wait,
     * and a missing or unreadable header is one second. Feign sees the headers only: the body is read above.
     */
    private Duration retryAfter(String methodKey, Response response) {
        Response headers = response.toBuilder().body((byte[]) null).build();
        if (feign.decode(methodKey, headers) instanceof RetryableException retryable && retryable.retryAfter() != null) {
            long millis = retryable.retryAfter() - System.currentTimeMillis();
            return millis <= 0 ? Duration.ZERO : Duration.ofSeconds((millis + 999) / 1000);
        }
        return DEFAULT_RETRY_AFTER;
    }
}

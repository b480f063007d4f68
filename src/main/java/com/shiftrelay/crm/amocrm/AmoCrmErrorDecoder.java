package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmNotFoundException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Turns amoCRM's error statuses and problem documents into the CRM port's exceptions. */
final class AmoCrmErrorDecoder implements ErrorDecoder {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final AmoCrmJson json;
    private final Clock clock;

    AmoCrmErrorDecoder(AmoCrmJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
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
            return new CrmRateLimitedException(what, retryAfter(response));
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

    /** Retry-After is either seconds or an HTTP date; anything unreadable falls back to one second. */
    private Duration retryAfter(Response response) {
        String value = response.headers().getOrDefault("Retry-After", List.of()).stream().findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }
}

package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.CrmUnavailableException;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns Bitrix24's error answers, {@code {"error":"CODE","error_description":".."}} with an HTTP status, into the CRM
 * port's exceptions. The statuses and codes are those of the documentation's system errors
 * (_includes/system-errors.md): 503 {@code QUERY_LIMIT_EXCEEDED} when the leaky bucket overflows, 429
 * {@code OPERATION_TIME_LIMIT} when a method has used up its execution time, 401 {@code expired_token} when an OAuth
 * access token has run out.
 */
final class Bitrix24ErrorDecoder implements ErrorDecoder {

    static final String QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";
    static final String OPERATION_TIME_LIMIT = "OPERATION_TIME_LIMIT";
    static final String EXPIRED_TOKEN = "expired_token";
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectMapper json;
    private final Clock clock;

    Bitrix24ErrorDecoder(ObjectMapper json) {
        this(json, Clock.systemUTC());
    }

    Bitrix24ErrorDecoder(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        JsonNode body = bodyOf(response);
        String code = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        String what = "Bitrix24 answered " + status + " to " + methodOf(response.request().url())
                + (code.isEmpty() && description.isEmpty() ? "" : ": " + describe(code, description));
        if (QUERY_LIMIT_EXCEEDED.equals(code)) {
            return new Bitrix24QueryLimitExceeded(what);
        }
        if (OPERATION_TIME_LIMIT.equals(code) || status == 429) {
            return new CrmRateLimitedException(what, untilReset(body));
        }
        if (EXPIRED_TOKEN.equals(code)) {
            return new Bitrix24TokenExpired(what);
        }
        if (status == 401 || status == 403) {
            return new CrmException(what + " (check the webhook's code or the application's token, and that it has"
                    + " the scopes crm, user, department, timeman and im)");
        }
        if (status == 404) {
            // ERROR_METHOD_NOT_FOUND: a misspelt method, or one outside the webhook's scopes.
            return new CrmException(what);
        }
        if (status == 400) {
            return new CrmRejectedException(what, List.of());
        }
        if (status >= 500) {
            return new CrmUnavailableException(what);
        }
        return new CrmException(what);
    }

    /**
     * How long until the method's execution time is released: {@code time.operating_reset_at}. The documentation shows
     * it both as a Unix timestamp (limits.md) and as an ISO date (crm-activity-list.md), so both are read; a missing
     * or unreadable one waits the default.
     */
    Duration untilReset(JsonNode body) {
        JsonNode reset = body.path("time").path("operating_reset_at");
        if (reset.isMissingNode() || reset.isNull()) {
            reset = body.path("operating_reset_at");
        }
        Instant at = Bitrix24Values.instantOrNull(reset);
        if (at == null) {
            return DEFAULT_RETRY_AFTER;
        }
        long millis = Duration.between(clock.instant(), at).toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofSeconds((millis + 999) / 1000);
    }

    private JsonNode bodyOf(Response response) {
        if (response.body() == null) {
            return json.missingNode();
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = Util.toByteArray(in);
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            return node == null ? json.missingNode() : node;
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private static String describe(String code, String description) {
        if (code.isEmpty()) {
            return description;
        }
        return description.isEmpty() ? code : code + " (" + description + ")";
    }

    /** The method's name, without the webhook's secret code that precedes it in the address. */
    static String methodOf(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String method = path.substring(path.lastIndexOf('/') + 1);
        return method.endsWith(".json") ? method.substring(0, method.length() - ".json".length()) : method;
    }
}

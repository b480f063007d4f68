package com.shiftrelay.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded sandbox CRM.
 *
 * @param token             the bearer token its API expects, as a long-lived amoCRM token would be
 * @param requestsPerSecond how many API requests a second it answers before saying 429, like amoCRM's 7
 * @param seedDemoData      whether an empty sandbox is filled with demo teams, managers and deals at start
 * @param partialBatches    whether {@code PATCH /leads} applies the valid items of a batch it refuses in part, as
 *                          some CRMs do; by default a refused batch changes nothing
 * @param webhooks          the deal webhooks it sends, as the CRM of its dialect sends them to an integration
 * @param dialect           which CRM's API it speaks: {@code amocrm} (the default) or {@code bitrix24}; ShiftRelay's
 *                          adapter for that CRM talks to it
 * @param bitrix24          its Bitrix24 dialect's inbound webhook and limits
 */
@ConfigurationProperties("shiftrelay.sandbox")
public record SandboxProperties(String token, Integer requestsPerSecond, Boolean seedDemoData,
                                Boolean partialBatches, Webhooks webhooks, Dialect dialect, Bitrix24 bitrix24) {

    public enum Dialect {
        AMOCRM("amoCRM", "/sandbox/amocrm/api/v4"),
        BITRIX24("Bitrix24", "/sandbox/bitrix24/rest");

        private final String title;
        private final String apiPath;

        Dialect(String title, String apiPath) {
            this.title = title;
            this.apiPath = apiPath;
        }

        public String title() {
            return title;
        }

        /** Where below this server the dialect's API lives. */
        public String apiPath() {
            return apiPath;
        }
    }

    public SandboxProperties {
        dialect = dialect == null ? Dialect.AMOCRM : dialect;
        bitrix24 = bitrix24 == null ? new Bitrix24(null, null, null, null) : bitrix24;
        token = token == null || token.isBlank() ? "sandbox-token" : token;
        requestsPerSecond = requestsPerSecond == null ? 7 : requestsPerSecond;
        seedDemoData = seedDemoData == null || seedDemoData;
        partialBatches = partialBatches != null && partialBatches;
        webhooks = webhooks == null ? new Webhooks(null, null, null, null) : webhooks;
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("shiftrelay.sandbox.requests-per-second must be at least 1");
        }
    }

    /**
     * The sandbox's amoCRM lead webhooks ({@code leads[add]}, {@code leads[status]}, {@code leads[responsible]}).
     *
     * @param enabled  whether it sends them at all
     * @param url      where to; empty means ShiftRelay's own endpoint on the port this server listens on,
     *                 {@code http://localhost:<port>/webhooks/amocrm/<shiftrelay.webhooks.amocrm.secret>}
     * @param attempts how many times a delivery is tried before it is given up (a non-2xx answer or no connection)
     * @param backoff  the wait before the second try, doubled before each further one
     */
    public record Webhooks(Boolean enabled, String url, Integer attempts, Duration backoff) {

        public Webhooks {
            enabled = enabled == null || enabled;
            url = url == null || url.isBlank() ? null : url.trim();
            attempts = attempts == null ? 3 : attempts;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            if (attempts < 1) {
                throw new IllegalArgumentException("shiftrelay.sandbox.webhooks.attempts must be at least 1");
            }
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("shiftrelay.sandbox.webhooks.backoff must not be negative");
            }
        }
    }

    /**
     * The Bitrix24 dialect: {@code /sandbox/bitrix24/rest/{webhookUser}/{token}/{method}.json}, an inbound webhook with
     * the sandbox's token as its code, and {@code /sandbox/bitrix24/rest/{method}.json} for its local application,
     * whose OAuth tokens come from {@code /sandbox/bitrix24/oauth/token/}; both behind a leaky bucket like a portal's
     * (limits.md).
     *
     * @param webhookUser       the user whose inbound webhook it is
     * @param requestsPerSecond how fast the bucket drains: 2 a second, as on a portal's standard plans
     * @param burst             how many requests it holds before a request is answered 503 QUERY_LIMIT_EXCEEDED: 50
     * @param accessTokenLifetime how long an access token of its local application lives: an hour, as on a portal
     */
    public record Bitrix24(Long webhookUser, Integer requestsPerSecond, Integer burst, Duration accessTokenLifetime) {

        public Bitrix24 {
            webhookUser = webhookUser == null ? 1 : webhookUser;
            requestsPerSecond = requestsPerSecond == null ? 2 : requestsPerSecond;
            burst = burst == null ? 50 : burst;
            accessTokenLifetime = accessTokenLifetime == null ? Duration.ofHours(1) : accessTokenLifetime;
            if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
                throw new IllegalArgumentException("shiftrelay.sandbox.bitrix24.access-token-lifetime must be positive");
            }
            if (requestsPerSecond < 1) {
                throw new IllegalArgumentException("shiftrelay.sandbox.bitrix24.requests-per-second must be at least 1");
            }
            if (burst < 1) {
                throw new IllegalArgumentException("shiftrelay.sandbox.bitrix24.burst must be at least 1");
            }
        }
    }
}

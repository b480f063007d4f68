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
 * @param webhooks          the lead webhooks it sends, as amoCRM sends them to an integration
 */
@ConfigurationProperties("shiftrelay.sandbox")
public record SandboxProperties(String token, Integer requestsPerSecond, Boolean seedDemoData,
                                Boolean partialBatches, Webhooks webhooks) {

    public SandboxProperties {
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
}

package com.shiftrelay.crm.bitrix24;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ShiftRelay reaches a Bitrix24 portal ({@code shiftrelay.crm.bitrix24}): by an inbound webhook, or as a local
 * application with OAuth.
 *
 * @param webhookUrl        an inbound webhook, {@code https://{portal}/rest/{user}/{code}/}; when set, OAuth is not used
 * @param portalUrl         the portal's address, {@code https://example.bitrix24.ru}, for a local application (OAuth)
 * @param oauth             the local application's credentials, used when there is no webhook
 * @param requestsPerSecond how fast the portal's leaky bucket drains: 2 a second, 5 on Enterprise plans
 * @param burst             how many requests the bucket holds before the portal answers 503: 50, 250 on Enterprise
 * @param rateLimitRetries  how often a request answered 503 {@code QUERY_LIMIT_EXCEEDED} or 429
 *                          {@code OPERATION_TIME_LIMIT} is tried again within one call before giving up
 * @param pinnedField       the deal's yes/no user field ({@code UF_CRM_...}) that pins a deal to its person; empty =
 *                          nothing is pinned
 * @param offlineEvents     whether new and changed deals are fetched from the portal's offline events
 *                          ({@code event.offline.get}; a local application only), rather than pushed to ShiftRelay
 * @param authConnector     the source key ({@code auth_connector}) ShiftRelay's own deal updates carry, so that an
 *                          offline event bound with the same key does not report them back (Pro plans and above);
 *                          empty = none
 * @param callTimeout       the longest one call to Bitrix24 may take, its wait for the bucket, its requests and its
 *                          retries included; a job's lock must outlast the calls it makes
 */
@ConfigurationProperties("shiftrelay.crm.bitrix24")
public record Bitrix24Properties(String webhookUrl, String portalUrl, OAuth oauth, Integer requestsPerSecond,
                                 Integer burst, Integer rateLimitRetries, String pinnedField, boolean offlineEvents,
                                 String authConnector, Duration callTimeout) {

    /** Bitrix24 answers every list method 50 rows at a time, whatever is asked (limits.md, list methods). */
    public static final int PAGE_SIZE = 50;

    public Bitrix24Properties {
        oauth = oauth == null ? new OAuth(null, null, null, null, null) : oauth;
        requestsPerSecond = requestsPerSecond == null ? 2 : requestsPerSecond;
        burst = burst == null ? 50 : burst;
        rateLimitRetries = rateLimitRetries == null ? 5 : rateLimitRetries;
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24.requests-per-second must be at least 1");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24.burst must be at least 1");
        }
        if (rateLimitRetries < 0) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24.rate-limit-retries must not be negative");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24.call-timeout must be positive");
        }
        if (present(pinnedField) && !pinnedField.startsWith("UF_CRM_")) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24.pinned-field must name a deal user field"
                    + " (UF_CRM_...), not " + pinnedField);
        }
        webhookUrl = present(webhookUrl) ? absolute("webhook-url", webhookUrl) : null;
        portalUrl = present(portalUrl) ? absolute("portal-url", portalUrl) : null;
    }

    boolean hasAuthConnector() {
        return present(authConnector);
    }

    boolean hasWebhook() {
        return webhookUrl != null;
    }

    boolean hasPinnedField() {
        return present(pinnedField);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** An address without its trailing slash; Feign adds the method's path. */
    private static String absolute(String name, String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24." + name + " is not an address: " + url);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("shiftrelay.crm.bitrix24." + name + " must be an http(s) address, not "
                    + url);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * A Bitrix24 local application. The authorization code lives 30 seconds (settings/oauth/index.md), so the usual
     * way in is the refresh token shown when the application is installed; either is used once, when no token pair
     * is stored yet. {@code serverUrl} is Bitrix24's authorization server.
     */
    public record OAuth(String clientId, String clientSecret, String refreshToken, String authorizationCode,
                        String serverUrl) {

        public OAuth {
            serverUrl = present(serverUrl) ? serverUrl.strip().replaceAll("/+$", "") : "https://oauth.bitrix.info";
        }
    }
}

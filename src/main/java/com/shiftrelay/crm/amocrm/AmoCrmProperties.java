package com.shiftrelay.crm.amocrm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How ShiftRelay reaches an amoCRM account ({@code shiftrelay.crm.amocrm}).
 *
 * @param baseUrl           the account's address, e.g. {@code https://example.amocrm.ru}
 * @param longLivedToken    a private integration's long-lived token; when set, OAuth is not used
 * @param oauth             the OAuth2 integration used when there is no long-lived token
 * @param requestsPerSecond amoCRM allows 7 requests a second per account
 * @param pageSize          rows per page for leads and users (amoCRM's maximum is 250)
 * @param eventsPageSize    rows per page for events (100 per the Russian documentation)
 * @param rateLimitRetries  how often a request answered 429 is tried again before giving up
 * @param idsPerRequest     deal ids per {@code filter[id][]} query when deals are read again by id; 250 ids (one
 *                          full page) make a query string of about 7.5 KB
 * @param callTimeout       the longest one call to amoCRM may take, its wait for a request slot, its requests and
 *                          its retries included; a job's lock must outlast the calls it makes
 */
@ConfigurationProperties("shiftrelay.crm.amocrm")
public record AmoCrmProperties(String baseUrl, String longLivedToken, OAuth oauth, Integer requestsPerSecond,
                               Integer pageSize, Integer eventsPageSize, Integer rateLimitRetries,
                               Integer idsPerRequest, Duration callTimeout) {

    public AmoCrmProperties {
        oauth = oauth == null ? new OAuth(null, null, null, null, null) : oauth;
        requestsPerSecond = requestsPerSecond == null ? 7 : requestsPerSecond;
        pageSize = pageSize == null ? 250 : pageSize;
        eventsPageSize = eventsPageSize == null ? 100 : eventsPageSize;
        rateLimitRetries = rateLimitRetries == null ? 5 : rateLimitRetries;
        idsPerRequest = idsPerRequest == null ? 250 : idsPerRequest;
        if (idsPerRequest < 1) {
            throw new IllegalArgumentException("shiftrelay.crm.amocrm.ids-per-request must be at least 1");
        }
        callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("shiftrelay.crm.amocrm.call-timeout must be positive");
        }
    }

    /**
     * The longest one call to amoCRM takes, from waiting for a request slot to the last retry. A job that makes
     * {@code n} calls needs a lock of more than {@code n} times this.
     */
    @Override
    public Duration callTimeout() {
        return callTimeout;
    }

    boolean hasLongLivedToken() {
        return longLivedToken != null && !longLivedToken.isBlank();
    }

    /**
     * An amoCRM OAuth2 integration. The authorization code is used once, when no token pair is stored yet;
     * a configured refresh token serves the same purpose when the code has already been spent.
     */
    public record OAuth(String clientId, String clientSecret, String redirectUri, String authorizationCode,
                        String refreshToken) {
    }
}

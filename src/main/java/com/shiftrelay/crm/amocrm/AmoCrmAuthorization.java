package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The bearer token for amoCRM requests: a fixed one (sandbox, long-lived token) or an OAuth2 access token that
 * is renewed shortly before it expires and after amoCRM rejects it. The current pair is persisted because
 * every refresh voids the previous refresh token.
 */
final class AmoCrmAuthorization {

    static final String PROVIDER = "amocrm";
    // Renew a little early so a request never leaves with a token that expires on the way.
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final AmoCrmEndpoint endpoint;
    private final AmoCrmProperties.OAuth oauth;
    private final CrmTokens tokens;
    // Lazy: the client's request interceptor needs this object, and the token exchange needs the client.
    private final ObjectProvider<AmoCrmApi> api;
    private final Clock clock;
    private CrmTokens.TokenPair current;

    AmoCrmAuthorization(AmoCrmEndpoint endpoint, AmoCrmProperties properties, CrmTokens tokens,
                        ObjectProvider<AmoCrmApi> api, Clock clock) {
        this.endpoint = endpoint;
        this.oauth = properties.oauth();
        this.tokens = tokens;
        this.api = api;
        this.clock = clock;
    }

    synchronized String accessToken() {
        Optional<String> fixed = endpoint.fixedToken();
        if (fixed.isPresent()) {
            return fixed.get();
        }
        CrmTokens.TokenPair pair = currentPair();
        if (clock.instant().isAfter(pair.expiresAt().minus(EXPIRY_MARGIN))) {
            pair = refresh(pair.refreshToken());
        }
        return pair.accessToken();
    }

    /** amoCRM refused the token it was sent; renew it, or fail when there is nothing to renew. */
    synchronized void renewAfterRejection(AmoCrmTokenRejected rejection) {
        if (endpoint.fixedToken().isPresent()) {
            throw new CrmException("amoCRM rejected the configured token", rejection);
        }
        refresh(currentPair().refreshToken());
    }

    private CrmTokens.TokenPair currentPair() {
        if (current == null) {
            current = tokens.find(PROVIDER).orElseGet(this::firstPair);
        }
        return current;
    }

    private CrmTokens.TokenPair firstPair() {
        if (present(oauth.refreshToken())) {
            return refresh(oauth.refreshToken());
        }
        if (present(oauth.authorizationCode())) {
            return exchange(new AmoCrmApi.TokenRequest(oauth.clientId(), oauth.clientSecret(), "authorization_code",
                    oauth.authorizationCode(), null, oauth.redirectUri()));
        }
        throw new CrmException("No amoCRM credentials: set shiftrelay.crm.amocrm.long-lived-token or the oauth "
                + "authorization-code (or refresh-token)");
    }

    private CrmTokens.TokenPair refresh(String refreshToken) {
        return exchange(new AmoCrmApi.TokenRequest(oauth.clientId(), oauth.clientSecret(), "refresh_token",
                null, refreshToken, oauth.redirectUri()));
    }

    private CrmTokens.TokenPair exchange(AmoCrmApi.TokenRequest request) {
        AmoCrmApi.TokenAnswer answer;
        try {
            answer = api.getObject().accessToken(request, AmoCrmClientConfiguration.TIMEOUTS);
        } catch (AmoCrmTokenRejected e) {
            throw new CrmException("amoCRM refused the OAuth " + request.grantType() + " grant", e);
        }
        if (answer == null || !present(answer.accessToken()) || !present(answer.refreshToken())) {
            throw new CrmException("amoCRM answered the OAuth " + request.grantType() + " grant without a token pair");
        }
        Instant now = clock.instant();
        long expiresIn = answer.expiresIn() == null ? 0 : answer.expiresIn();
        CrmTokens.TokenPair pair = new CrmTokens.TokenPair(answer.accessToken(), answer.refreshToken(),
                now.plusSeconds(expiresIn));
        tokens.save(PROVIDER, pair, now);
        current = pair;
        return pair;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

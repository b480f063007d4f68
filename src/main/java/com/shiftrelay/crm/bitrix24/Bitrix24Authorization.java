package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The access token of a Bitrix24 local application, or none for an inbound webhook. The pair is stored and refreshed
 * as settings/oauth/auto-renewal.md recommends: the stored access token is used until Bitrix24 answers
 * {@code expired_token} or its hour is up, then the refresh token buys a new pair, which is stored before it is used
 * because the old refresh token is spent.
 */
final class Bitrix24Authorization {

    static final String PROVIDER = "bitrix24";

    private final Bitrix24Endpoint endpoint;
    private final Bitrix24Properties.OAuth oauth;
    private final CrmTokens tokens;
    // Lazy: the client's interceptor is built before this, and the token request needs the client.
    private final ObjectProvider<Bitrix24Api> api;
    private final Clock clock;
    private CrmTokens.TokenPair current;

    Bitrix24Authorization(Bitrix24Endpoint endpoint, CrmTokens tokens, ObjectProvider<Bitrix24Api> api, Clock clock) {
        this.endpoint = endpoint;
        this.oauth = endpoint.oauth();
        this.tokens = tokens;
        this.api = api;
        this.clock = clock;
    }

    /** The token to send as {@code auth}; empty for a webhook, whose code is in its address. */
    synchronized Optional<String> accessToken() {
        if (endpoint.usesWebhook()) {
            return Optional.empty();
        }
        CrmTokens.TokenPair pair = currentPair();
        if (!clock.instant().isBefore(pair.expiresAt())) {
            pair = refresh(pair.refreshToken());
        }
        return Optional.of(pair.accessToken());
    }

    /** Bitrix24 answered {@code expired_token} to {@code sentToken}; refresh unless another call already has. */
    synchronized void renewAfterExpiry(String sentToken, Bitrix24TokenExpired expiry) {
        if (endpoint.usesWebhook()) {
            throw new CrmException("Bitrix24 answered expired_token to an inbound webhook", expiry);
        }
        CrmTokens.TokenPair pair = currentPair();
        if (pair.accessToken().equals(sentToken)) {
            refresh(pair.refreshToken());
        }
    }

    private CrmTokens.TokenPair currentPair() {
        if (current == null) {
            current = tokens.find(PROVIDER).orElseGet(this::firstPair);
        }
        return current;
    }

    private CrmTokens.TokenPair firstPair() {
        if (Bitrix24Properties.present(oauth.refreshToken())) {
            return refresh(oauth.refreshToken());
        }
        if (Bitrix24Properties.present(oauth.authorizationCode())) {
            Map<String, Object> grant = grant("authorization_code");
            grant.put("code", oauth.authorizationCode());
            return exchange(grant);
        }
        throw new CrmException("No Bitrix24 credentials: set shiftrelay.crm.bitrix24.webhook-url, or the local"
                + " application's shiftrelay.crm.bitrix24.oauth.refresh-token (or authorization-code)");
    }

    private CrmTokens.TokenPair refresh(String refreshToken) {
        Map<String, Object> grant = grant("refresh_token");
        grant.put("refresh_token", refreshToken);
        return exchange(grant);
    }

    private Map<String, Object> grant(String type) {
        if (!Bitrix24Properties.present(oauth.clientId()) || !Bitrix24Properties.present(oauth.clientSecret())) {
            throw new CrmException("A Bitrix24 local application needs shiftrelay.crm.bitrix24.oauth.client-id and"
                    + " client-secret");
        }
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("grant_type", type);
        grant.put("client_id", oauth.clientId());
        grant.put("client_secret", oauth.clientSecret());
        return grant;
    }

    private CrmTokens.TokenPair exchange(Map<String, Object> grant) {
        Bitrix24Api.TokenAnswer answer;
        try {
            answer = api.getObject().token(grant, Bitrix24ClientConfiguration.TIMEOUTS);
        } catch (CrmException e) {
            throw new CrmException("Bitrix24's authorization server refused the " + grant.get("grant_type")
                    + " grant: " + e.getMessage(), e);
        }
        if (answer == null || !Bitrix24Properties.present(answer.accessToken())
                || !Bitrix24Properties.present(answer.refreshToken())) {
            throw new CrmException("Bitrix24's authorization server answered the " + grant.get("grant_type")
                    + " grant without a token pair");
        }
        Instant now = clock.instant();
        long expiresIn = answer.expiresIn() == null ? 0 : answer.expiresIn();
        CrmTokens.TokenPair pair = new CrmTokens.TokenPair(answer.accessToken(), answer.refreshToken(),
                now.plusSeconds(expiresIn));
        tokens.save(PROVIDER, pair, now);
        current = pair;
        return pair;
    }
}

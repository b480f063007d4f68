package com.shiftrelay.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local application installed on the sandbox's portal, and the OAuth server that signs it in
 * (settings/oauth/index.md, settings/oauth/auto-renewal.md). Its client id is {@link #CLIENT_ID}, its secret the
 * sandbox's token; installing it gave a refresh token, which is the sandbox's token too and buys the first pair once.
 * An access token lives {@code shiftrelay.sandbox.bitrix24.access-token-lifetime} (an hour); a refresh token buys
 * one new pair and is spent, so a client that keeps using an old one is refused as a portal refuses it. The tokens
 * are kept in the database, so the application stays signed in across a restart, as ShiftRelay's stored pair does.
 */
@Component
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24Application {

    /** A local application's client id as a portal makes it up: {@code local.} and a number. */
    static final String CLIENT_ID = "local.shiftrelay.sandbox";
    /** A refresh token lives 28 days (settings/oauth/index.md). */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(28);
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A pair the OAuth server issued, and when its access token runs out. */
    record Pair(String accessToken, String refreshToken, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final String secret;
    private final Duration accessTokenLifetime;
    private final Clock clock;

    SandboxBitrix24Application(JdbcTemplate jdbc, SandboxProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.secret = properties.token();
        this.accessTokenLifetime = properties.bitrix24().accessTokenLifetime();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The {@code refresh_token} grant: the client's id and secret, and a refresh token that is neither spent nor
     * expired, buy a new pair; the refresh token is spent in the same transaction, so two clients racing with one
     * token get one pair between them.
     */
    @Transactional
    Pair refresh(String grantType, String clientId, String clientSecret, String refreshToken) {
        if (!"refresh_token".equals(grantType)) {
            throw new SandboxBitrix24Error(400, "unsupported_grant_type", grantType == null || grantType.isBlank()
                    ? "grant_type is missing"
                    : "The sandbox's application was installed with a refresh token: grant_type=refresh_token");
        }
        if (!CLIENT_ID.equals(clientId) || !secret.equals(clientSecret)) {
            throw new SandboxBitrix24Error(401, "invalid_client", "Invalid client id or secret");
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new SandboxBitrix24Error(400, "invalid_request", "refresh_token is missing");
        }
        Instant now = clock.instant();
        boolean valid;
        if (refreshToken.equals(secret)) {
            // The installation's refresh token: recorded as spent the first time, refused after that.
            try {
                jdbc.update("insert into sandbox_b24_tokens (token, kind, issued_at, expires_at, spent)"
                        + " values (?, ?, ?, ?, true)", refreshToken, REFRESH, at(now), at(now));
                valid = true;
            } catch (DuplicateKeyException spent) {
                valid = false;
            }
        } else {
            valid = jdbc.update("update sandbox_b24_tokens set spent = true where token = ? and kind = ? and not spent"
                    + " and expires_at > ?", refreshToken, REFRESH, at(now)) == 1;
        }
        if (!valid) {
            throw new SandboxBitrix24Error(400, "invalid_grant", "Invalid grant");
        }
        Pair pair = new Pair(newToken(), newToken(), now.plus(accessTokenLifetime));
        jdbc.update("insert into sandbox_b24_tokens (token, kind, issued_at, expires_at) values (?, ?, ?, ?)",
                pair.accessToken(), ACCESS, at(now), at(pair.expiresAt()));
        jdbc.update("insert into sandbox_b24_tokens (token, kind, issued_at, expires_at) values (?, ?, ?, ?)",
                pair.refreshToken(), REFRESH, at(now), at(now.plus(REFRESH_TOKEN_LIFETIME)));
        return pair;
    }

    /**
     * A call of the application's: its {@code auth} must be an access token the server issued and that has not run
     * out (401 {@code expired_token}, which tells the client to refresh, or 401 {@code invalid_token}).
     */
    @Transactional(readOnly = true)
    void authorize(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new SandboxBitrix24Error(401, "NO_AUTH_FOUND", "Wrong authorization data");
        }
        List<OffsetDateTime> expiry = jdbc.query("select expires_at from sandbox_b24_tokens where token = ? and kind = ?",
                (rs, row) -> rs.getObject("expires_at", OffsetDateTime.class), accessToken, ACCESS);
        if (expiry.isEmpty()) {
            throw new SandboxBitrix24Error(401, "invalid_token", "The access token provided is invalid.");
        }
        if (!clock.instant().isBefore(expiry.get(0).toInstant())) {
            throw new SandboxBitrix24Error(401, "expired_token", "The access token provided has expired.");
        }
    }

    /** How many access tokens the server has issued: the sandbox page shows it, tests watch a refresh happen. */
    @Transactional(readOnly = true)
    int accessTokensIssued() {
        Integer issued = jdbc.queryForObject("select count(*) from sandbox_b24_tokens where kind = ?", Integer.class,
                ACCESS);
        return issued == null ? 0 : issued;
    }

    int accessTokenLifetimeSeconds() {
        return (int) accessTokenLifetime.toSeconds();
    }

    private static String newToken() {
        return randomHex(24);
    }

    /** {@code bytes} random bytes as hex, as the portal's tokens and process ids look. */
    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

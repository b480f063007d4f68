package com.shiftrelay.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The current OAuth token pair per CRM, kept in {@code crm_token} because amoCRM and Bitrix24 both rotate refresh
 * tokens: every refresh voids the one before, so a pair held only in memory would be lost with a restart.
 */
public final class CrmTokens {

    private final JdbcTemplate jdbc;

    public CrmTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TokenPair> find(String provider) {
        return jdbc.query("select access_token, refresh_token, expires_at from crm_token where provider = ?",
                (rs, row) -> new TokenPair(rs.getString("access_token"), rs.getString("refresh_token"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()),
                provider).stream().findFirst();
    }

    public void save(String provider, TokenPair pair, Instant now) {
        OffsetDateTime expiresAt = pair.expiresAt().atOffset(ZoneOffset.UTC);
        OffsetDateTime updatedAt = now.atOffset(ZoneOffset.UTC);
        int updated = jdbc.update(
                "update crm_token set access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ? where provider = ?",
                pair.accessToken(), pair.refreshToken(), expiresAt, updatedAt, provider);
        if (updated == 0) {
            jdbc.update("insert into crm_token (provider, access_token, refresh_token, expires_at, updated_at) "
                    + "values (?, ?, ?, ?, ?)", provider, pair.accessToken(), pair.refreshToken(), expiresAt, updatedAt);
        }
    }

    /** An access token, the refresh token that replaces it, and when the access token expires. */
    public record TokenPair(String accessToken, String refreshToken, Instant expiresAt) {
    }
}

package com.shiftrelay.crm.bitrix24;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bitrix24's event handlers to ShiftRelay ({@code shiftrelay.webhooks.bitrix24}). Bitrix24 signs each event with the
 * application's token, {@code auth[application_token]}, which the portal shows once a handler is bound (and the
 * application's install event carries); a delivery without it is refused.
 *
 * @param applicationToken the token every delivery must carry; none refuses every delivery (404)
 * @param domain           when set, deliveries whose {@code auth[domain]} names another portal are refused too
 */
@ConfigurationProperties("shiftrelay.webhooks.bitrix24")
public record Bitrix24WebhookProperties(String applicationToken, String domain) {

    boolean enabled() {
        return applicationToken != null && !applicationToken.isBlank();
    }

    /** Compared as digests in constant time, so the time taken tells a caller nothing of how close a guess came. */
    boolean acceptsToken(String given) {
        if (!enabled() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(applicationToken), sha256(given));
    }

    boolean acceptsDomain(String sent) {
        return domain == null || domain.isBlank() || domain.trim().equalsIgnoreCase(sent);
    }

    /** Leaves the token out: a record would print it wherever the properties are logged. */
    @Override
    public String toString() {
        return "Bitrix24WebhookProperties[applicationToken=" + (enabled() ? "(set)" : "(none)") + ", domain=" + domain
                + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

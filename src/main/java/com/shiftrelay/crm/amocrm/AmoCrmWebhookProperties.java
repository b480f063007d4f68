package com.shiftrelay.crm.amocrm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * amoCRM's lead webhooks to ShiftRelay ({@code shiftrelay.webhooks.amocrm}). amoCRM signs nothing and sends no
 * credentials, so the URL it is given carries a secret: {@code /webhooks/amocrm/<secret>}.
 *
 * @param secret    the secret in the webhook's URL; none (the default outside the sandbox) refuses every delivery
 * @param subdomain when set, deliveries whose {@code account[subdomain]} names another account are refused too
 */
@ConfigurationProperties("shiftrelay.webhooks.amocrm")
public record AmoCrmWebhookProperties(String secret, String subdomain) {

    /**
     * Whether the URL's secret is the configured one. Both are hashed first and the digests compared in constant
     * time, so neither the time taken nor the length of the secret tells a caller how close a guess came.
     */
    boolean acceptsSecret(String given) {
        if (secret == null || secret.isBlank() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), sha256(given));
    }

    /** Whether a delivery from this account is ours to take. */
    boolean acceptsAccount(String sentSubdomain) {
        return subdomain == null || subdomain.isBlank() || subdomain.trim().equalsIgnoreCase(sentSubdomain);
    }

    /** Leaves the secret out: a record would print it wherever the properties are logged. */
    @Override
    public String toString() {
        return "AmoCrmWebhookProperties[secret=" + (secret == null || secret.isBlank() ? "(none)" : "(set)")
                + ", subdomain=" + subdomain + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

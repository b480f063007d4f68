package com.shiftrelay.crm.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded sandbox CRM.
 *
 * @param token             the bearer token its API expects, as a long-lived amoCRM token would be
 * @param requestsPerSecond how many API requests a second it answers before saying 429, like amoCRM's 7
 * @param seedDemoData      whether an empty sandbox is filled with demo teams, managers and deals at start
 * @param partialBatches    whether {@code PATCH /leads} applies the valid items of a batch it refuses in part, as
 *                          some CRMs do; by default a refused batch changes nothing
 */
@ConfigurationProperties("shiftrelay.sandbox")
public record SandboxProperties(String token, Integer requestsPerSecond, Boolean seedDemoData,
                                Boolean partialBatches) {

    public SandboxProperties {
        token = token == null || token.isBlank() ? "sandbox-token" : token;
        requestsPerSecond = requestsPerSecond == null ? 7 : requestsPerSecond;
        seedDemoData = seedDemoData == null || seedDemoData;
        partialBatches = partialBatches != null && partialBatches;
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("shiftrelay.sandbox.requests-per-second must be at least 1");
        }
    }
}

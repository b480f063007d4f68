package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the sandbox's Bitrix24 dialect, as strict as a portal's (_includes/system-errors.md, limits.md): during a
 * simulated outage everything is answered 503 before anything else; then the leaky bucket (drained at
 * {@code requests-per-second}, holding {@code burst}; Bucket4j's greedy refill is that bucket) answers an overflow
 * 503 {@code QUERY_LIMIT_EXCEEDED}, counting whatever reaches the portal; then the webhook's user and code in the
 * path must be the sandbox's ({@code 401 INVALID_CREDENTIALS}; none at all is {@code 401 NO_AUTH_FOUND}). A path with
 * the method alone is the local application's, whose token travels among the parameters and is checked there.
 */
class SandboxBitrix24Guard extends OncePerRequestFilter {

    static final String PATH = "/sandbox/bitrix24/rest";

    private final String webhookUser;
    private final byte[] code;
    private final Bucket bucket;
    private final SandboxOutage outage;
    private final ObjectMapper json;

    SandboxBitrix24Guard(SandboxProperties properties, SandboxOutage outage, ObjectMapper json) {
        this.webhookUser = String.valueOf(properties.bitrix24().webhookUser());
        this.code = properties.token().getBytes(StandardCharsets.UTF_8);
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.bitrix24().burst())
                        .refillGreedy(properties.bitrix24().requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
        this.outage = outage;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (outage.active()) {
            error(response, 503, "INTERNAL_SERVER_ERROR", "The sandbox portal is simulating an outage");
            return;
        }
        if (!bucket.tryConsume(1)) {
            error(response, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.substring(Math.min(path.length(), PATH.length())).split("/");
        // "", method: the local application's call, whose access token SandboxBitrix24Api checks in its parameters.
        if (parts.length == 2 && !parts[1].isEmpty()) {
            outage.pass(request, response, chain, writes(parts[1]), this::lostAnswer);
            return;
        }
        // "", user, code, method
        if (parts.length < 4) {
            error(response, 401, "NO_AUTH_FOUND", "Wrong authorization data");
            return;
        }
        boolean valid = parts[1].equals(webhookUser)
                & MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8), code);
        if (!valid) {
            error(response, 401, "INVALID_CREDENTIALS", "Invalid request credentials");
            return;
        }
        outage.pass(request, response, chain, writes(parts[3]), this::lostAnswer);
    }

    /** Whether the method changes something ({@code tasks.task.add}, {@code crm.deal.update}, {@code batch}, ...). */
    static boolean writes(String method) {
        String name = method.toLowerCase(Locale.ROOT).replaceFirst("\\.json$", "");
        return name.equals("batch") || name.matches(".*\\.(add|update|complete|delete|set|bind|unbind|clear)$");
    }

    private void lostAnswer(HttpServletResponse response) throws IOException {
        error(response, 504, "GATEWAY_TIMEOUT", "The sandbox portal did the work and is simulating its answer being lost");
    }

    private void error(HttpServletResponse response, int status, String code, String description) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}

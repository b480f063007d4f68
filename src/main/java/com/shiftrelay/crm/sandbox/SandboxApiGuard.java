package com.shiftrelay.crm.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the sandbox's API as strict as amoCRM's at the door: a bearer token on every request and at most
 * so many requests a second over the whole API, the excess refused with 429 rather than queued, so the
 * amoCRM adapter's throttling and retries are exercised by the demo exactly as in production.
 */
class SandboxApiGuard extends OncePerRequestFilter {

    private final byte[] expectedAuthorization;
    private final RateLimiter rateLimiter;
    private final ObjectMapper json;

    SandboxApiGuard(SandboxProperties properties, ObjectMapper json) {
        this.expectedAuthorization = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
        this.rateLimiter = RateLimiter.of("sandbox-amocrm", RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Counted before the token check: amoCRM limits whatever reaches it, and so does the sandbox.
        if (!rateLimiter.acquirePermission()) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("Too Many Requests");
            return;
        }
        if (!authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setStatus(401);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\"");
            // JSON is UTF-8 by definition; no charset parameter, the same header the controllers send.
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", "Unauthorized");
            problem.put("type", "https://httpstatus.es/401");
            problem.put("status", 401);
            problem.put("detail", "Send Authorization: Bearer <shiftrelay.sandbox.token>");
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authorized(String header) {
        // Constant-time comparison, as one would for any token, even a demo one.
        return header != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }
}

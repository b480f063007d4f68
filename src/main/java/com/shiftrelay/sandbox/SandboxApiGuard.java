package com.shiftrelay.sandbox;

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
 * amoCRM adapter's throttling and retries are exercised by the demo exactly as in production. During a
 * simulated outage every request is answered 503 before anything else.
 */
class SandboxApiGuard extends OncePerRequestFilter {

    private final byte[] expectedAuthorization;
    private final RateLimiter rateLimiter;
    private final SandboxOutage outage;
    private final ObjectMapper json;

    SandboxApiGuard(SandboxProperties properties, SandboxOutage outage, ObjectMapper json) {
        this.expectedAuthorization = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
        this.rateLimiter = RateLimiter.of("sandbox-amocrm", RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.outage = outage;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A CRM that is down neither counts requests nor checks tokens.
        if (outage.active()) {
            problem(response, 503, "Service Unavailable", "The sandbox CRM is simulating an outage");
            return;
        }
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
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\"");
            problem(response, 401, "Unauthorized", "Send Authorization: Bearer <shiftrelay.sandbox.token>");
            return;
        }
        outage.pass(request, response, chain, !"GET".equals(request.getMethod()), lost -> problem(lost, 504, "Gateway Timeout",
                "The sandbox CRM did the work and is simulating its answer being lost"));
    }

    /** An error in amoCRM's problem+json shape. */
    private void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        // JSON is UTF-8 by definition; no charset parameter, the same header the controllers send.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("type", "https://httpstatus.es/" + status);
        problem.put("status", status);
        problem.put("detail", detail);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private boolean authorized(String header) {
        // Constant-time comparison, as one would for any token, even a demo one.
        return header != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }
}

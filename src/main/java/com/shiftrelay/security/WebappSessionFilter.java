package com.shiftrelay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of the Camunda webapps (ShiftRelay's Cockpit plugin) call the API as the user signed in
 * there, with no second login. A request without an {@code Authorization} header whose session holds a
 * webapps login is that user's; a request with one is left to HTTP Basic as before, whatever its cookies.
 *
 * <p>The session is the webapps', so is the CSRF token: a request signed in this way that changes anything
 * must send the token of the webapps' {@code CsrfPreventionFilter} for this session in {@code X-XSRF-TOKEN}
 * (what a Cockpit plugin gets as {@code api.CSRFToken}), or it is refused with 403. Spring Security's own
 * token cookie is neither checked nor handed out for such a request, so a Cockpit user's browser never holds
 * a second {@code XSRF-TOKEN} that the webapps could take for theirs.
 *
 * <p>Nothing is kept: the session is only read, never created, and the authentication lives for this
 * request, as with HTTP Basic.
 */
final class WebappSessionFilter extends OncePerRequestFilter {

    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    private static final String SIGNED_IN = WebappSessionFilter.class.getName() + ".SIGNED_IN";

    private final WebappSessions sessions;
    private final AccessDeniedHandler denied;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // Where a STATELESS chain keeps the authentication of the request, as HTTP Basic does.
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    WebappSessionFilter(WebappSessions sessions, AccessDeniedHandler denied) {
        this.sessions = sessions;
        this.denied = denied;
    }

    /** This request was signed in with the webapps' session (and passed their CSRF check if it changes state). */
    static boolean signedInByWebappSession(HttpServletRequest request) {
        return request.getAttribute(SIGNED_IN) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? request.getSession(false) : null;
        Optional<Authentication> user = session == null ? Optional.empty() : signedInUser(session);
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (BrowserRequests.changesState(request) && !carriesTheSessionsToken(request, session)) {
            denied.handle(request, response, new WebappCsrfException());
            return;
        }
        request.setAttribute(SIGNED_IN, Boolean.TRUE);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(user.get());
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    private Optional<Authentication> signedInUser(HttpSession session) {
        try {
            return sessions.signedInUser(session);
        } catch (IllegalStateException invalidatedMeanwhile) {
            // Signed out (or timed out) in another tab while this request was on its way: nobody.
            return Optional.empty();
        }
    }

    private boolean carriesTheSessionsToken(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(TOKEN_HEADER);
        return sent != null && sessions.csrfToken(session)
                .map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        sent.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** A request signed in with the webapps' session changes state without the webapps' CSRF token of that session. */
    static final class WebappCsrfException extends CsrfException {

        WebappCsrfException() {
            super("Missing or wrong X-XSRF-TOKEN for the Camunda webapps' session");
        }
    }
}

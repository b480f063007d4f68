package com.shiftrelay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a browser signed in to the Camunda webapps in with that sign-in: the request's HTTP session is the
 * webapps' own, and the user found there counts for this request, as if they had sent their Basic
 * credentials. It keeps nothing of its own in the session, and it steps aside when an earlier filter
 * (HTTP Basic) already knows the caller. A session comes with cookies, so every such request is a
 * browser's ({@link BrowserRequests}) and needs the CSRF token to change anything.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    private final WebappSessions sessions;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthentication(WebappSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && contexts.getContext().getAuthentication() == null) {
            sessions.signedInUser(session).ifPresent(user -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(user);
                contexts.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}

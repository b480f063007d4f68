package com.shiftrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What the sandbox CRM's page and its endpoints say to somebody not signed in or not allowed. A browser
 * opening the page is sent to the sign-in page; everything else gets RFC 9457 problem details, like the API,
 * with a Basic challenge for integrations only (a browser must not cache credentials another site could use).
 */
final class SandboxSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String LOGIN_PAGE = "/sandbox/login.html";

    private final ObjectMapper json;

    SandboxSecurityResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if ("GET".equals(request.getMethod()) && BrowserRequests.prefersHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
            return;
        }
        ProblemSecurityResponses.challengeIntegrations(request, response);
        write(request, response, HttpStatus.UNAUTHORIZED, e instanceof BadCredentialsException
                ? "Wrong user name or password"
                : "The sandbox CRM needs a login: a ShiftRelay (Camunda) user by HTTP Basic, or a browser signed in to"
                        + " the Camunda webapps (Tasklist)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                ? "A browser's request that changes something must send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie"
                : "Only an administrator (a member of camunda-admin) may reset the sandbox CRM");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemSecurityResponses.write(json, request, response, status, detail);
    }
}

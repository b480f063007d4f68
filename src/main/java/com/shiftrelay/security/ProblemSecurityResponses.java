package com.shiftrelay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of the API as RFC 9457 problem details, like every other error of the API. Integrations are
 * challenged for Basic credentials; browsers are not, so that no browser caches credentials that a page
 * of another site could then send along.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "ShiftRelay";

    private final ObjectMapper json;

    ProblemSecurityResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challengeIntegrations(request, response);
        write(request, response, HttpStatus.UNAUTHORIZED, e instanceof BadCredentialsException
                ? "Wrong user name or password"
                : "Log in with a ShiftRelay (Camunda) user and password, by HTTP Basic, or sign in to the Camunda webapps");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail;
        if (e instanceof WebappSessionFilter.WebappCsrfException) {
            detail = "A request signed in through the Camunda webapps that changes something must send the webapps'"
                    + " CSRF token of that session (a Cockpit plugin's api.CSRFToken) in the X-XSRF-TOKEN header";
        } else if (e instanceof CsrfException) {
            detail = "A browser's request that changes something must send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie";
        } else {
            detail = "Not allowed: a manager acts only for themselves; everything else needs an administrator";
        }
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(json, request, response, status, detail);
    }

    /** A Basic challenge for integrations only: a browser must not cache credentials another site could use. */
    static void challengeIntegrations(HttpServletRequest request, HttpServletResponse response) {
        if (!BrowserRequests.isBrowser(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
    }

    /** The security answers of ShiftRelay's own endpoints as RFC 9457 problem details. */
    static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                      String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

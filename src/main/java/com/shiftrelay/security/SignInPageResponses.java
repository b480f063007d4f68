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
 * What a page behind a login ({@link SignedInPages}) and its endpoints say to somebody not signed in or not allowed. A
 * browser opening the page is sent to the page's sign-in page; everything else gets RFC 9457 problem details, like
 * the API, with a Basic challenge for integrations only (a browser must not cache credentials another site could use).
 *
 * @param loginPage   where a browser signs in
 * @param loginNeeded the 401's detail: what needs a login, and which
 * @param notAllowed  the 403's detail for a user who is signed in but may not do this
 */
record SignInPageResponses(ObjectMapper json, String loginPage, String loginNeeded, String notAllowed)
        implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if ("GET".equals(request.getMethod()) && BrowserRequests.prefersHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            response.sendRedirect(request.getContextPath() + loginPage);
            return;
        }
        ProblemSecurityResponses.challengeIntegrations(request, response);
        write(request, response, HttpStatus.UNAUTHORIZED, e instanceof BadCredentialsException
                ? "Wrong user name or password" : loginNeeded);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                ? "A browser's request that changes something must send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie"
                : notAllowed);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemSecurityResponses.write(json, request, response, status, detail);
    }
}

package com.shiftrelay.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells a browser's request from an integration's. A browser sends {@code Sec-Fetch-*} or {@code Origin}
 * headers, a session cookie, or asks for HTML first; an integration (curl, a telephony system) sends none
 * of these. Browsers carry credentials the user did not choose to send with this request (cached Basic
 * credentials, cookies), so they get no Basic challenge to remember and must show a CSRF token to change
 * anything.
 */
final class BrowserRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserRequests() {
    }

    static boolean isBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader(HttpHeaders.ORIGIN) != null
                || request.getRequestedSessionId() != null
                || prefersHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** A POST, PUT, PATCH or DELETE: anything but a method that only reads. */
    static boolean changesState(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod());
    }

    /** A POST, PUT, PATCH or DELETE from a browser: Spring Security's CSRF check applies. */
    static boolean changesStateFromBrowser(HttpServletRequest request) {
        return changesState(request) && isBrowser(request);
    }

    /** text/html is listed and nothing is wanted more: what a browser's navigation or form post sends. */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double best = types.stream().mapToDouble(MediaType::getQualityValue).max().orElse(0);
        return best > 0 && types.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html")
                && type.getQualityValue() == best);
    }
}

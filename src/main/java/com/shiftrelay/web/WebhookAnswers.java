package com.shiftrelay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What the CRM webhook endpoints share: the body read raw and bounded, the content type checked, and problem details
 * as {@link ProblemResponses} renders an {@link InvalidFieldException} ({@code field} naming the key), with an
 * instance that never holds a secret from the request's path.
 */
public final class WebhookAnswers {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private WebhookAnswers() {
    }

    /**
     * The body as sent, or null when it is larger than {@link #MAX_BODY_BYTES} (declared or read). Read from the
     * request's stream, never through the servlet's parameters: those would apply Tomcat's own form limit and
     * re-decode the body, and a stored delivery is known by the bytes the CRM sent.
     */
    public static byte[] boundedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /** Whether something before the endpoint read part of the body (a filter, DEBUG logging of the request). */
    public static boolean readBefore(HttpServletRequest request, byte[] body) {
        long declared = request.getContentLengthLong();
        return declared >= 0 && body.length != declared;
    }

    /** Why the content type is not UTF-8 form data, or null when it is. */
    public static String notUtf8Form(String contentType) {
        String expected = "A webhook is sent as " + MediaType.APPLICATION_FORM_URLENCODED_VALUE + " in UTF-8";
        if (contentType == null) {
            return expected + "; this one names no Content-Type";
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean utf8 = type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8);
            if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type) && utf8) {
                return null;
            }
        } catch (IllegalArgumentException unreadable) {
            // An unparsable type or an unknown charset: not what a CRM sends.
        }
        return expected + ", not " + contentType;
    }

    public static ResponseEntity<ProblemDetail> tooLarge(URI instance) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "A webhook's body may have at most " + MAX_BODY_BYTES + " bytes",
                null, instance);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(instance);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

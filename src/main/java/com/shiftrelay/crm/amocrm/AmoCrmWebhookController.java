package com.shiftrelay.crm.amocrm;

import com.shiftrelay.intake.DealChangeIntake;
import com.shiftrelay.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * amoCRM's lead webhooks: {@code POST /webhooks/amocrm/<secret>}. Checked in this order: the secret, the size, the
 * body, the account; then stored, and only a stored delivery is answered 200, so that amoCRM sends again whatever
 * ShiftRelay did not keep. The answer never waits for the CRM.
 *
 * <p>The body is read raw from the request's stream, never through the servlet's parameters: those would apply
 * Tomcat's own form limit and re-decode the body, and the stored delivery is known by the bytes amoCRM sent.
 * Problem details name {@code /webhooks/amocrm} as their instance, not the request's path, which holds the secret.
 */
@RestController
class AmoCrmWebhookController {

    static final String SOURCE = "amocrm";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final URI INSTANCE = URI.create("/webhooks/amocrm");
    private static final Logger log = LoggerFactory.getLogger(AmoCrmWebhookController.class);

    private final AmoCrmWebhookProperties properties;
    private final DealChangeIntake intake;

    AmoCrmWebhookController(AmoCrmWebhookProperties properties, DealChangeIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @PostMapping("/webhooks/amocrm/{secret}")
    ResponseEntity<?> receive(@PathVariable String secret, HttpServletRequest request) throws IOException {
        if (!properties.acceptsSecret(secret)) {
            return notFound();
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (declared >= 0 && body.length != declared) {
            // Something before this endpoint read the form's parameters (a filter, DEBUG logging of Spring MVC's
            // requests) and so the body; storing what is left would acknowledge a delivery that was never read.
            log.error("An amoCRM webhook's body was read before the endpoint: {} of {} bytes left; answered 500 so that"
                    + " amoCRM sends it again", body.length, declared);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The delivery was not read; send it again", null);
        }
        String notForm = notUtf8Form(request.getContentType());
        if (notForm != null) {
            return problem(HttpStatus.BAD_REQUEST, notForm, "Content-Type");
        }
        AmoCrmWebhookForm form;
        try {
            form = AmoCrmWebhookForm.parse(body);
        } catch (InvalidFieldException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        }
        if (!properties.acceptsAccount(form.subdomain())) {
            return notFound();
        }
        try {
            return ResponseEntity.ok(intake.accept(SOURCE, body, form.changes()));
        } catch (RuntimeException e) {
            log.error("An amoCRM webhook delivery of {} lead changes was not stored; amoCRM sends it again",
                    form.changes().size(), e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The delivery was not stored; send it again", null);
        }
    }

    /** Why the content type is not UTF-8 form data, or null when it is. */
    private static String notUtf8Form(String contentType) {
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
            // An unparsable type or an unknown charset: not what amoCRM sends.
        }
        return expected + ", not " + contentType;
    }

    /** The same answer for a wrong secret and for another account: nothing tells a caller which it was. */
    private static ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "No webhook here", null);
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "A webhook's body may have at most " + MAX_BODY_BYTES + " bytes",
                null);
    }

    /** RFC 9457 problem details as ProblemResponses renders an InvalidFieldException, {@code field} naming the key. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(INSTANCE);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

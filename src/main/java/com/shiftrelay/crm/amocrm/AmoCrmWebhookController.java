package com.shiftrelay.crm.amocrm;

import com.shiftrelay.intake.DealChangeIntake;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookAnswers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
    static final int MAX_BODY_BYTES = WebhookAnswers.MAX_BODY_BYTES;
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
        byte[] body = WebhookAnswers.boundedBody(request);
        if (body == null) {
            return WebhookAnswers.tooLarge(INSTANCE);
        }
        if (WebhookAnswers.readBefore(request, body)) {
            // Storing what is left would acknowledge a delivery that was never read.
            log.error("An amoCRM webhook's body was read before the endpoint: {} of {} bytes left; answered 500 so that"
                    + " amoCRM sends it again", body.length, request.getContentLengthLong());
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The delivery was not read; send it again", null);
        }
        String notForm = WebhookAnswers.notUtf8Form(request.getContentType());
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

    /** The same answer for a wrong secret and for another account: nothing tells a caller which it was. */
    private static ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "No webhook here", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        return WebhookAnswers.problem(status, detail, field, INSTANCE);
    }
}

package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.intake.DealChangeIntake;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.WebhookAnswers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bitrix24's deal events ({@code ONCRMDEALADD}, {@code ONCRMDEALUPDATE}, {@code ONCRMDEALDELETE}) posted to
 * {@code POST /webhooks/bitrix24} by an outbound webhook or an application's handler, form-encoded, and trusted only
 * with the token the portal showed for it in {@code auth[application_token]} (local-integrations/local-webhooks.md). Checked in this order: that a token is configured (404 otherwise), the size (413),
 * the form (400), the application token and the portal (401, nothing stored), the event's fields (400); then stored,
 * and only a stored event is answered 200. Bitrix24 does not send an event again, so a delivery that fails here is
 * left to the next read of the deals. The answer never waits for the CRM.
 */
@RestController
class Bitrix24WebhookController {

    static final String SOURCE = "bitrix24";
    private static final URI INSTANCE = URI.create("/webhooks/bitrix24");
    private static final Logger log = LoggerFactory.getLogger(Bitrix24WebhookController.class);

    private final Bitrix24WebhookProperties properties;
    private final DealChangeIntake intake;

    Bitrix24WebhookController(Bitrix24WebhookProperties properties, DealChangeIntake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @PostMapping("/webhooks/bitrix24")
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        if (!properties.enabled()) {
            return problem(HttpStatus.NOT_FOUND, "No webhook here", null);
        }
        byte[] body = WebhookAnswers.boundedBody(request);
        if (body == null) {
            return WebhookAnswers.tooLarge(INSTANCE);
        }
        if (WebhookAnswers.readBefore(request, body)) {
            log.error("A Bitrix24 event's body was read before the endpoint: {} of {} bytes left", body.length,
                    request.getContentLengthLong());
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The delivery was not read", null);
        }
        String notForm = WebhookAnswers.notUtf8Form(request.getContentType());
        if (notForm != null) {
            return problem(HttpStatus.BAD_REQUEST, notForm, "Content-Type");
        }
        Bitrix24WebhookForm form;
        try {
            Map<String, String> fields = Bitrix24WebhookForm.fields(body);
            if (!properties.acceptsToken(fields.get("auth[application_token]"))
                    || !properties.acceptsDomain(fields.get("auth[domain]"))) {
                return problem(HttpStatus.UNAUTHORIZED, "The event does not carry this installation's application"
                        + " token", "auth[application_token]");
            }
            form = Bitrix24WebhookForm.parse(fields);
        } catch (InvalidFieldException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
        }
        try {
            return ResponseEntity.ok(intake.accept(SOURCE, body, form.changes()));
        } catch (RuntimeException e) {
            log.error("A Bitrix24 {} event was not stored", form.event(), e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The delivery was not stored", null);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        return WebhookAnswers.problem(status, detail, field, INSTANCE);
    }
}

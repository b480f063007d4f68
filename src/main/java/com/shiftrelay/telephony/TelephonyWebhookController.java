package com.shiftrelay.telephony;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.UrlEncodedPairs;
import com.shiftrelay.web.WebhookAnswers;
import com.shiftrelay.web.WebhookSignatures;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The telephony webhooks: Bitrix24 telephony ({@code POST /webhooks/telephony/bitrix24}, {@code ONVOXIMPLANTCALLEND}),
 * Mango Office ({@code POST /webhooks/telephony/mango/events/summary}; Mango is given
 * {@code https://<shiftrelay>/webhooks/telephony/mango} and appends the event's path) and any other PBX in
 * ShiftRelay's own JSON ({@code POST /webhooks/telephony/calls}, {@link PbxCall}). Each is checked in this order: that
 * it is configured (404 otherwise), the size (413), the content type (400), the signature (401, nothing stored), the
 * call's fields (400, a number that is no phone number included); then the call is stored, once by the provider's
 * call id, and only a stored call is answered 200.
 */
@RestController
class TelephonyWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TelephonyWebhookController.class);
    private static final URI BITRIX24 = URI.create("/webhooks/telephony/bitrix24");
    private static final URI MANGO = URI.create("/webhooks/telephony/mango/events/summary");
    private static final URI PBX = URI.create("/webhooks/telephony/calls");

    private final TelephonyProperties properties;
    private final CallIntake intake;
    private final ObjectMapper json;
    private final Clock clock;

    TelephonyWebhookController(TelephonyProperties properties, CallIntake intake, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The event carries no access token (the page says so: "triggered without authorization data"), only the
     * application token of the handler, which is what identifies the portal.
     */
    @PostMapping("/webhooks/telephony/bitrix24")
    ResponseEntity<?> bitrix24(HttpServletRequest request) throws IOException {
        if (!properties.bitrix24().enabled()) {
            return problem(HttpStatus.NOT_FOUND, "No webhook here", null, BITRIX24);
        }
        Read read = form(request, BITRIX24);
        if (read.refusal() != null) {
            return read.refusal();
        }
        if (!WebhookSignatures.matches(properties.bitrix24().applicationToken(),
                read.fields().get("auth[application_token]"))) {
            return problem(HttpStatus.UNAUTHORIZED, "The event does not carry this installation's application token",
                    "auth[application_token]", BITRIX24);
        }
        return store(() -> Optional.of(Bitrix24CallEvent.parse(read.fields(), clock.instant())), BITRIX24);
    }

    @PostMapping("/webhooks/telephony/mango/events/summary")
    ResponseEntity<?> mango(HttpServletRequest request) throws IOException {
        if (!properties.mango().enabled()) {
            return problem(HttpStatus.NOT_FOUND, "No webhook here", null, MANGO);
        }
        Read read = form(request, MANGO);
        if (read.refusal() != null) {
            return read.refusal();
        }
        if (!MangoSummary.signed(read.fields(), properties.mango())) {
            return problem(HttpStatus.UNAUTHORIZED, "The request is not signed with this VPBX's key and salt", "sign",
                    MANGO);
        }
        return store(() -> MangoSummary.parse(read.fields().get("json"), json, properties), MANGO);
    }

    @PostMapping("/webhooks/telephony/calls")
    ResponseEntity<?> pbx(HttpServletRequest request) throws IOException {
        if (!properties.pbx().enabled()) {
            return problem(HttpStatus.NOT_FOUND, "No webhook here", null, PBX);
        }
        byte[] body = WebhookAnswers.boundedBody(request);
        if (body == null) {
            return WebhookAnswers.tooLarge(PBX);
        }
        if (!isJson(request.getContentType())) {
            return problem(HttpStatus.BAD_REQUEST, "A call is sent as application/json, not " + request.getContentType(),
                    "Content-Type", PBX);
        }
        String untrusted = PbxCall.untrusted(request.getHeader(PbxCall.TIMESTAMP_HEADER),
                request.getHeader(PbxCall.SIGNATURE_HEADER), body, properties.pbx(), clock.instant());
        if (untrusted != null) {
            return problem(HttpStatus.UNAUTHORIZED, untrusted, PbxCall.SIGNATURE_HEADER, PBX);
        }
        return store(() -> Optional.of(PbxCall.parse(body, json, properties)), PBX);
    }

    private interface Parse {
        Optional<Call> call();
    }

    private ResponseEntity<?> store(Parse parse, URI instance) {
        Optional<Call> call;
        try {
            call = parse.call();
        } catch (InvalidFieldException e) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), instance);
        }
        if (call.isEmpty()) {
            return ResponseEntity.ok(Map.of("accepted", false, "note", "a call between two extensions"));
        }
        try {
            CallIntake.Receipt receipt = intake.accept(call.get());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accepted", receipt.accepted());
            answer.put("callId", receipt.callId());
            return ResponseEntity.ok(answer);
        } catch (RuntimeException e) {
            log.error("A call {} from {} was not stored", call.get().callId(), call.get().provider(), e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The call was not stored", null, instance);
        }
    }

    private record Read(Map<String, String> fields, ResponseEntity<ProblemDetail> refusal) {
    }

    /** The form's fields (the first of a repeated name), or the refusal of a body too large or not a form. */
    private static Read form(HttpServletRequest request, URI instance) throws IOException {
        byte[] body = WebhookAnswers.boundedBody(request);
        if (body == null) {
            return new Read(null, WebhookAnswers.tooLarge(instance));
        }
        String notForm = WebhookAnswers.notUtf8Form(request.getContentType());
        if (notForm != null) {
            return new Read(null, problem(HttpStatus.BAD_REQUEST, notForm, "Content-Type", instance));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            UrlEncodedPairs.of(new String(body, StandardCharsets.UTF_8))
                    .forEach(pair -> fields.putIfAbsent(pair.getKey(), pair.getValue()));
        } catch (IllegalArgumentException e) {
            return new Read(null, problem(HttpStatus.BAD_REQUEST, "The body is not URL-encoded: " + e.getMessage(),
                    "body", instance));
        }
        return new Read(fields, null);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field, URI instance) {
        return WebhookAnswers.problem(status, detail, field, instance);
    }
}

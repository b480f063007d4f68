package com.shiftrelay.sms.smsru;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sms.SmsGateway;
import com.shiftrelay.sms.SmsProperties;
import com.shiftrelay.sms.SmsRejectedException;
import com.shiftrelay.sms.SmsUnavailableException;
import feign.FeignException;
import feign.RetryableException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS port on SMS.ru ({@code https://sms.ru/api/send}). The answer is checked twice: the request's
 * {@code status}/{@code status_code} (100 is done), then the number's own entry under {@code sms}, which may be
 * refused while the request succeeded. Code 220 ("the service is temporarily unavailable") and an unreachable or
 * failing server may take the message later; every other code (200 a wrong api_id, 201 no funds, 202 a wrong number,
 * the daily and identical-message limits, ...) refuses it for good, named with the number.
 */
final class SmsRuGateway implements SmsGateway {

    static final int DONE = 100;
    static final int TEMPORARILY_UNAVAILABLE = 220;

    private final SmsRuApi api;
    private final SmsRuEndpoint endpoint;
    private final SmsProperties.SmsRu settings;

    SmsRuGateway(SmsRuApi api, SmsRuEndpoint endpoint, SmsProperties.SmsRu settings) {
        this.api = api;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    @Override
    public String send(String number, String text) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_id", endpoint.apiId());
        form.put("to", number);
        form.put("msg", text);
        form.put("json", 1);
        if (settings.from() != null && !settings.from().isBlank()) {
            form.put("from", settings.from());
        }
        if (settings.test()) {
            form.put("test", 1);
        }
        JsonNode answer;
        try {
            answer = api.send(form);
        } catch (RetryableException e) {
            throw new SmsUnavailableException("SMS.ru was not reached: " + e.getMessage(), e);
        } catch (FeignException e) {
            if (e.status() >= 500 || e.status() == 429) {
                throw new SmsUnavailableException("SMS.ru answered " + e.status(), e);
            }
            throw new SmsRejectedException(number, e.status(), "SMS.ru answered HTTP " + e.status());
        }
        if (answer == null || !answer.isObject()) {
            throw new SmsUnavailableException("SMS.ru answered something that is not its JSON: " + answer);
        }
        check(number, answer, "the request");
        JsonNode mine = answer.path("sms").path(number);
        if (mine.isMissingNode()) {
            throw new SmsUnavailableException("SMS.ru's answer says nothing of " + number + ": " + answer);
        }
        check(number, mine, "the number");
        String id = mine.path("sms_id").asText("");
        if (id.isBlank()) {
            throw new SmsUnavailableException("SMS.ru took the SMS to " + number + " without an sms_id: " + answer);
        }
        return id;
    }

    private static void check(String number, JsonNode status, String what) {
        int code = status.path("status_code").asInt(-1);
        if ("OK".equals(status.path("status").asText()) && code == DONE) {
            return;
        }
        String reason = status.path("status_text").asText("status " + status.path("status").asText() + " for " + what);
        if (code == TEMPORARILY_UNAVAILABLE) {
            throw new SmsUnavailableException("SMS.ru cannot send to " + number + " now (220): " + reason);
        }
        throw new SmsRejectedException(number, code, reason);
    }
}

package com.shiftrelay.crm.bitrix24;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.UrlEncodedPairs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event Bitrix24 posts to a handler, form-encoded (api-reference/crm/deals/events/on-crm-deal-add.md):
 * {@code event=ONCRMDEALADD&data[FIELDS][ID]=6641&ts=1735374081&auth[application_token]=..&auth[domain]=..}. Only the
 * deal's id comes with it; what the deal is now is read from the portal when it is routed.
 */
record Bitrix24WebhookForm(String event, String applicationToken, String domain, List<CrmDealChange> changes) {

    static final String ADDED = "ONCRMDEALADD";
    static final String UPDATED = "ONCRMDEALUPDATE";
    static final String DELETED = "ONCRMDEALDELETE";

    /** The token and domain only, for the check that comes before anything else is read. */
    static Map<String, String> fields(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        try {
            UrlEncodedPairs.of(new String(body, StandardCharsets.UTF_8))
                    .forEach(pair -> fields.putIfAbsent(pair.getKey(), pair.getValue()));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("body", "The form is not URL-encoded: " + e.getMessage());
        }
        return fields;
    }

    /** The deal change the event reports; a deal event ShiftRelay does not act on gives none. */
    static Bitrix24WebhookForm parse(Map<String, String> fields) {
        String event = fields.getOrDefault("event", "").toUpperCase(java.util.Locale.ROOT);
        if (event.isEmpty()) {
            throw new InvalidFieldException("event", "The form names no event");
        }
        CrmDealChange.Kind kind = switch (event) {
            case ADDED -> CrmDealChange.Kind.ADDED;
            case UPDATED -> CrmDealChange.Kind.UPDATED;
            case DELETED -> CrmDealChange.Kind.DELETED;
            default -> null;
        };
        if (kind == null) {
            return new Bitrix24WebhookForm(event, fields.get("auth[application_token]"), fields.get("auth[domain]"),
                    List.of());
        }
        long dealId = positive(fields, "data[FIELDS][ID]");
        Instant at = fields.containsKey("ts") ? Instant.ofEpochSecond(positive(fields, "ts")) : null;
        CrmDealChange change = new CrmDealChange(kind, dealId, null, null, null, null, null, null, null, null, List.of(),
                null, at);
        return new Bitrix24WebhookForm(event, fields.get("auth[application_token]"), fields.get("auth[domain]"),
                List.of(change));
    }

    private static long positive(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)
                || Long.parseLong(value) <= 0) {
            throw new InvalidFieldException(key, key + " must be a positive number, not " + (value == null ? "missing"
                    : "'" + value + "'"));
        }
        return Long.parseLong(value);
    }
}

package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.CrmDealChange.Kind;
import com.shiftrelay.web.InvalidFieldException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What amoCRM posts to a lead webhook, read from the raw {@code application/x-www-form-urlencoded} body: the
 * leads of every action (add, update, status, responsible, delete, restore) as deal changes, in the order the
 * body lists them, and the account's subdomain. Everything else it may carry (contacts, tasks, unsorted, talks,
 * custom fields, lead actions ShiftRelay does not know) is read past; a key or a value it cannot read is refused,
 * naming the key.
 *
 * @param subdomain the sending account's {@code account[subdomain]}; null when not sent
 * @param changes   one change per lead and action
 */
record AmoCrmWebhookForm(String subdomain, List<CrmDealChange> changes) {

    private static final Map<String, Kind> ACTIONS = Map.of("add", Kind.ADDED, "update", Kind.UPDATED,
            "status", Kind.STATUS_CHANGED, "responsible", Kind.RESPONSIBLE_CHANGED, "delete", Kind.DELETED,
            "restore", Kind.RESTORED);
    private static final List<String> TIMESTAMPS = List.of("last_modified", "updated_at", "date_create", "created_at");
    /** A malformed body can be a megabyte long: messages quote at most this much of it. */
    private static final int QUOTED = 60;

    AmoCrmWebhookForm {
        changes = List.copyOf(changes);
    }

    /** Reads a body as amoCRM sends it: UTF-8, {@code &}-separated, keys and values percent-encoded. */
    static AmoCrmWebhookForm parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String subdomain = null;
        Map<String, Lead> leads = new LinkedHashMap<>();
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('&', from);
            if (end < 0) {
                end = text.length();
            }
            String pair = text.substring(from, end);
            from = end + 1;
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawKey = equals < 0 ? pair : pair.substring(0, equals);
            String key = decode(rawKey, quote(rawKey));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), key);
            List<String> path = BracketKey.path(key);
            if (path.equals(List.of("account", "subdomain"))) {
                subdomain = value;
            } else if (path.get(0).equals("leads") && path.size() >= 3 && ACTIONS.containsKey(path.get(1))) {
                String action = path.get(1);
                String index = path.get(2);
                Lead lead = leads.computeIfAbsent(action + '[' + index + ']', k -> new Lead(action, index));
                lead.take(path.subList(3, path.size()), value);
            }
        }
        return new AmoCrmWebhookForm(subdomain, leads.values().stream().map(Lead::change).toList());
    }

    private static String decode(String encoded, String field) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, field + " is not percent-encoded correctly: " + quote(encoded));
        }
    }

    private static String quote(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "…";
    }

    /** The fields of one lead of one action, as the body gives them; a field given twice keeps the last value. */
    private static final class Lead {
        private final String action;
        private final String index;
        private final Map<String, String> fields = new HashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        Lead(String action, String index) {
            if (index.isEmpty() || !index.chars().allMatch(c -> c >= '0' && c <= '9')) {
                String field = "leads[" + action + "][" + index + "]";
                throw new InvalidFieldException(quote(field), quote(field) + " must be counted by a number, like leads["
                        + action + "][0]");
            }
            this.action = action;
            this.index = index;
        }

        void take(List<String> path, String value) {
            if (path.size() == 1) {
                fields.put(path.get(0), value);
            } else if (path.size() == 3 && path.get(0).equals("tags") && path.get(2).equals("name")) {
                tags.put(path.get(1), value);
            }
        }

        CrmDealChange change() {
            Kind kind = ACTIONS.get(action);
            Long id = number("id");
            if (id == null) {
                throw new InvalidFieldException(field("id"), field("id") + " is missing: every lead has its id");
            }
            TIMESTAMPS.forEach(this::number);
            Long changedAt = number("last_modified") != null ? number("last_modified") : number("updated_at");
            return new CrmDealChange(kind, id, fields.get("name"), number("pipeline_id"), number("status_id"),
                    kind == Kind.STATUS_CHANGED ? number("old_pipeline_id") : null,
                    kind == Kind.STATUS_CHANGED ? number("old_status_id") : null,
                    number("responsible_user_id"),
                    kind == Kind.RESPONSIBLE_CHANGED ? number("old_responsible_user_id") : null,
                    number("price"), tags.values().stream().filter(tag -> !tag.isBlank()).toList(),
                    number("modified_user_id"), changedAt == null ? null : Instant.ofEpochSecond(changedAt));
        }

        /** A field of digits only; null when not sent or empty. */
        private Long number(String name) {
            String value = fields.get(name);
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException tooLarge) {
                    // Reported below like any other value that is not a number ShiftRelay can keep.
                }
            }
            throw new InvalidFieldException(field(name), field(name) + " must be a whole number, not '" + quote(value) + "'");
        }

        private String field(String name) {
            return quote("leads[" + action + "][" + index + "][" + name + "]");
        }
    }
}

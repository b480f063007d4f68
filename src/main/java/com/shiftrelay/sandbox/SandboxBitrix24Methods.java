package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The Bitrix24 REST methods ShiftRelay's Bitrix24 adapter uses, served from the sandbox's data in a portal's shapes:
 * ids as strings, flags as "Y"/"N", lists 50 rows a page with {@code total} and {@code next}, or without them for
 * {@code start=-1} (settings/performance/huge-data.md), errors as {@link SandboxBitrix24Error}. Pipelines are
 * categories ({@code CATEGORY_ID}) under the sandbox's pipeline ids, so the demo's routing rules mean the same in both
 * dialects; the sandbox's activity feed becomes CRM activities ({@code crm.activity.list}).
 */
@Component
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24Methods {

    static final int PAGE_SIZE = 50;
    /** The deal user field that is the sandbox's "pinned to its manager" checkbox. */
    static final String PINNED_FIELD = "UF_CRM_SHIFTRELAY_PINNED";
    private static final ZoneId PORTAL_ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> DEAL_FILTERS = Set.of("ID", "@ID", ">ID", "ASSIGNED_BY_ID", "@ASSIGNED_BY_ID",
            "CATEGORY_ID", "@CATEGORY_ID", "CLOSED", "CONTACT_ID");
    private static final Set<String> ACTIVITY_FILTERS = Set.of(">ID", ">=LAST_UPDATED");
    private static final Set<String> USER_FILTERS = Set.of("USER_TYPE", "ACTIVE", "ID");

    /**
     * The sandbox's activity events as Bitrix24 activities (crm.enum.activitytype: 2 call, 3 task, 6 a provider's;
     * crm.enum.activitydirection: 1 incoming, 2 outgoing): type, provider, direction, completed.
     */
    private static final Map<String, List<String>> ACTIVITIES = Map.of(
            "incoming_call", List.of("2", "VOXIMPLANT_CALL", "1", "Y"),
            "outgoing_call", List.of("2", "VOXIMPLANT_CALL", "2", "Y"),
            "incoming_chat_message", List.of("6", "IMOPENLINES_SESSION", "1", "N"),
            "outgoing_chat_message", List.of("6", "IMOPENLINES_SESSION", "2", "N"),
            "task_added", List.of("3", "TASKS_TASK", "0", "N"),
            "task_completed", List.of("3", "TASKS_TASK", "0", "Y"),
            "common_note_added", List.of("6", "CRM_TODO", "0", "N"));

    private final SandboxCrm crm;
    private final SandboxNotifications notifications;
    private final SandboxBitrix24Events events;
    private final SandboxBitrix24ClientMethods clientMethods;

    SandboxBitrix24Methods(SandboxCrm crm, SandboxNotifications notifications, SandboxBitrix24Events events,
                           SandboxBitrix24ClientMethods clientMethods) {
        this.crm = crm;
        this.notifications = notifications;
        this.events = events;
        this.clientMethods = clientMethods;
    }

    /**
     * The whole answer to one method: {@code result}, and {@code total} and {@code next} for a list. {@code caller}
     * says whether it came through the inbound webhook or from the local application, which alone has events.
     */
    ObjectNode call(String method, JsonNode params, Caller caller) {
        String name = method.toLowerCase(Locale.ROOT);
        if (name.startsWith("event.")) {
            return event(name, params, caller);
        }
        return call(name, params);
    }

    /** Who calls: the portal's inbound webhook, or its local application with an OAuth token. */
    enum Caller {
        WEBHOOK, APPLICATION
    }

    /**
     * Events belong to an application: a webhook is refused them (api-reference/events/event-bind.md, "works only in
     * the context of application authorization"), an application binds and reads offline ones.
     */
    private ObjectNode event(String method, JsonNode params, Caller caller) {
        boolean known = switch (method) {
            case "event.bind", "event.unbind", "event.get", "event.offline.get", "event.offline.clear" -> true;
            default -> false;
        };
        if (!known) {
            throw new SandboxBitrix24Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        }
        if (caller != Caller.APPLICATION) {
            throw new SandboxBitrix24Error(403, "ACCESS_DENIED", "Access denied! Application context required");
        }
        return switch (method) {
            case "event.bind" -> events.bind(params);
            case "event.unbind" -> events.unbind(params);
            case "event.get" -> events.bindings();
            case "event.offline.get" -> events.get(params);
            default -> events.clear(params);
        };
    }

    private ObjectNode call(String method, JsonNode params) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "user.get" -> users(params);
            case "department.get" -> departments(params);
            case "crm.deal.list" -> deals(params);
            case "crm.deal.update" -> updateDeal(params);
            case "crm.activity.list" -> activities(params);
            case "timeman.status" -> workDay(params);
            case "im.notify.personal.add" -> notifyUser(params);
            case "im.notify.delete" -> withdrawNotification(params);
            default -> clientMethods.call(method, params);
        };
    }

    private ObjectNode users(JsonNode params) {
        JsonNode filter = filter(params, USER_FILTERS, "user.get");
        Boolean active = null;
        if (filter.has("ACTIVE")) {
            String value = filter.get("ACTIVE").asText();
            active = value.equals("true") || value.equals("Y") || value.equals("1");
        }
        Set<Long> ids = filter.has("ID") ? Bitrix24Params.numbers(filter.get("ID"), "FILTER[ID]") : null;
        boolean employees = !filter.has("USER_TYPE") || filter.get("USER_TYPE").asText().equals("employee");
        Boolean wantedActive = active;
        List<SandboxUser> users = crm.users().stream()
                .filter(user -> employees && (wantedActive == null || user.active() == wantedActive)
                        && (ids == null || ids.contains(user.id())))
                .toList();
        return page(params, users, user -> {
            ObjectNode row = JSON.objectNode();
            String[] names = user.name().strip().split("\\s+", 2);
            row.put("ID", String.valueOf(user.id()));
            row.put("ACTIVE", user.active());
            row.put("NAME", names[0]);
            row.put("LAST_NAME", names.length > 1 ? names[1] : "");
            row.put("EMAIL", user.email());
            row.put("USER_TYPE", "employee");
            ArrayNode departments = row.putArray("UF_DEPARTMENT");
            if (user.teamId() != null) {
                departments.add(user.teamId());
            }
            return row;
        });
    }

    private ObjectNode departments(JsonNode params) {
        return page(params, crm.teams(), team -> {
            ObjectNode row = JSON.objectNode();
            row.put("ID", String.valueOf(team.id()));
            row.put("NAME", team.name());
            row.put("SORT", "500");
            return row;
        });
    }

    private ObjectNode deals(JsonNode params) {
        JsonNode filter = filter(params, DEAL_FILTERS, "crm.deal.list");
        Set<Long> ids = either(filter, "ID", "@ID");
        if (filter.has("CONTACT_ID")) {
            long contact = Bitrix24Params.number(filter.get("CONTACT_ID"), "filter[CONTACT_ID]");
            Set<Long> ofContact = new HashSet<>(clientMethods.dealsOfContact(contact));
            if (ids != null) {
                ofContact.retainAll(ids);
            }
            // No deal has id 0: a contact without deals matches none.
            ids = ofContact.isEmpty() ? Set.of(0L) : ofContact;
        }
        Set<Long> responsibles = either(filter, "ASSIGNED_BY_ID", "@ASSIGNED_BY_ID");
        Set<Long> categories = either(filter, "CATEGORY_ID", "@CATEGORY_ID");
        Boolean open = null;
        if (filter.has("CLOSED")) {
            String closed = filter.get("CLOSED").asText();
            if (!closed.equals("Y") && !closed.equals("N")) {
                throw SandboxBitrix24Error.badArgument("filter[CLOSED] must be Y or N, not " + filter.get("CLOSED"));
            }
            open = closed.equals("N");
        }
        long idAbove = filter.has(">ID") ? Bitrix24Params.number(filter.get(">ID"), "filter[>ID]") : 0;
        checkOrder(params);
        SandboxCrm.LeadFilter leads = new SandboxCrm.LeadFilter(ids, responsibles, categories, null);
        Set<String> select = select(params);
        if (fast(params)) {
            return list(crm.leadsAbove(leads, open, idAbove, PAGE_SIZE).stream().map(lead -> deal(lead, select)).toList());
        }
        return page(params, crm.leadsAbove(leads, open, idAbove, Integer.MAX_VALUE), lead -> deal(lead, select));
    }

    private ObjectNode deal(Lead lead, Set<String> select) {
        ObjectNode row = JSON.objectNode();
        String stage = !lead.isOpen() ? (lead.getStatusId() == Lead.STATUS_WON ? "WON" : "LOSE")
                : String.valueOf(lead.getStatusId());
        String semantic = lead.isOpen() ? "P" : lead.getStatusId() == Lead.STATUS_WON ? "S" : "F";
        row.put("ID", String.valueOf(lead.getId()));
        row.put("TITLE", lead.getName());
        row.put("ASSIGNED_BY_ID", String.valueOf(lead.getResponsibleUserId()));
        row.put("CATEGORY_ID", String.valueOf(lead.getPipelineId()));
        row.put("STAGE_ID", "C" + lead.getPipelineId() + ":" + stage);
        row.put("STAGE_SEMANTIC_ID", semantic);
        row.put("CLOSED", lead.isOpen() ? "N" : "Y");
        row.put("OPPORTUNITY", lead.getPrice() + ".00");
        row.put("CURRENCY_ID", "RUB");
        row.put("CREATED_BY_ID", String.valueOf(lead.getCreatedBy()));
        row.put("MODIFY_BY_ID", String.valueOf(lead.getUpdatedBy()));
        row.put("DATE_CREATE", time(lead.getCreatedAt()));
        row.put("DATE_MODIFY", time(lead.getUpdatedAt()));
        row.put(PINNED_FIELD, lead.isPinned() ? "1" : "0");
        return selected(row, select);
    }

    private ObjectNode updateDeal(JsonNode params) {
        long id = Bitrix24Params.number(params, params.has("ID") ? "ID" : "id", 0);
        if (id <= 0) {
            throw SandboxBitrix24Error.badArgument("ID is not defined or invalid.");
        }
        JsonNode fields = Bitrix24Params.any(params, "fields", "FIELDS");
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            throw SandboxBitrix24Error.badArgument("fields must name what to change");
        }
        fields.fieldNames().forEachRemaining(name -> {
            if (!name.equals("ASSIGNED_BY_ID")) {
                throw SandboxBitrix24Error.badArgument("The sandbox's crm.deal.update changes ASSIGNED_BY_ID only, not "
                        + name);
            }
        });
        long responsible = Bitrix24Params.number(fields.get("ASSIGNED_BY_ID"), "fields[ASSIGNED_BY_ID]");
        // A write with the application's auth_connector stays out of the offline events bound with that key.
        String connector = Bitrix24Params.text(params, "auth_connector");
        SandboxCrm.BatchOutcome outcome = crm.changeResponsibles(
                List.of(new SandboxCrm.ResponsibleChange(String.valueOf(id), id, responsible)), true,
                connector == null || connector.isBlank() ? null : connector);
        if (!outcome.refused().isEmpty()) {
            BatchRejectedException.ItemError error = outcome.refused().get(0);
            if (error.path().equals("id")) {
                throw SandboxBitrix24Error.notFound();
            }
            if (error.code().equals("FieldNotEditable")) {
                throw new SandboxBitrix24Error(403, "ACCESS_DENIED", "Access denied.");
            }
            throw SandboxBitrix24Error.badArgument(error.detail());
        }
        return result(JSON.booleanNode(true));
    }

    private ObjectNode activities(JsonNode params) {
        JsonNode filter = filter(params, ACTIVITY_FILTERS, "crm.activity.list");
        Instant from = filter.has(">=LAST_UPDATED")
                ? Bitrix24Params.time(filter.get(">=LAST_UPDATED"), "filter[>=LAST_UPDATED]") : null;
        long idAbove = filter.has(">ID") ? Bitrix24Params.number(filter.get(">ID"), "filter[>ID]") : 0;
        checkOrder(params);
        Set<String> select = select(params);
        int limit = fast(params) ? PAGE_SIZE : Integer.MAX_VALUE;
        List<Event> events = crm.eventsAbove(from, idAbove, ACTIVITIES.keySet(), limit);
        if (fast(params)) {
            return list(events.stream().map(event -> activity(event, select)).toList());
        }
        return page(params, events, event -> activity(event, select));
    }

    private ObjectNode activity(Event event, Set<String> select) {
        List<String> kind = ACTIVITIES.get(event.getType());
        ObjectNode row = JSON.objectNode();
        String user = String.valueOf(event.getCreatedBy());
        row.put("ID", String.valueOf(event.getId()));
        row.put("TYPE_ID", kind.get(0));
        row.put("PROVIDER_ID", kind.get(1));
        row.put("DIRECTION", kind.get(2));
        row.put("COMPLETED", kind.get(3));
        row.put("OWNER_TYPE_ID", "2");
        row.put("OWNER_ID", event.getEntityId() == null ? "0" : String.valueOf(event.getEntityId()));
        row.put("RESPONSIBLE_ID", user);
        row.put("AUTHOR_ID", user);
        row.put("EDITOR_ID", user);
        row.put("CREATED", time(event.getCreatedAt()));
        row.put("LAST_UPDATED", time(event.getCreatedAt()));
        return selected(row, select);
    }

    private ObjectNode workDay(JsonNode params) {
        long userId = Bitrix24Params.number(params, "USER_ID", 0);
        SandboxCrm.WorkDay day = crm.workDay(userId)
                .orElseThrow(() -> new SandboxBitrix24Error(400, "", "User not found"));
        ObjectNode status = JSON.objectNode();
        status.put("STATUS", day.status());
        status.put("TIME_START", day.since() == null || !day.status().equals("OPENED") ? null : time(day.since()));
        status.put("TIME_FINISH", day.since() == null || !day.status().equals("CLOSED") ? null : time(day.since()));
        status.put("ACTIVE", !day.status().equals("CLOSED"));
        return result(status);
    }

    private ObjectNode notifyUser(JsonNode params) {
        long userId = Bitrix24Params.number(params, "USER_ID", 0);
        String message = Bitrix24Params.text(params, "MESSAGE");
        if (message == null || message.isBlank()) {
            throw SandboxBitrix24Error.badArgument("Message can't be empty");
        }
        if (crm.workDay(userId).isEmpty()) {
            throw new SandboxBitrix24Error(400, "USER_ID_EMPTY", "Recipient user ID can't be empty");
        }
        return result(JSON.numberNode(notifications.add(userId, message)));
    }

    private ObjectNode withdrawNotification(JsonNode params) {
        long id = Bitrix24Params.number(params, "ID", 0);
        if (id <= 0) {
            throw SandboxBitrix24Error.badArgument("ID can't be empty");
        }
        // Deleting a notification that is gone already changes nothing, and says so no differently.
        notifications.withdraw(id);
        return result(JSON.booleanNode(true));
    }

    // ---- the shapes every list method shares

    /** {@code start=-1}: the page without counting, as huge-data.md describes. */
    private static boolean fast(JsonNode params) {
        return Bitrix24Params.number(params, "start", 0) == -1;
    }

    private static <T> ObjectNode page(JsonNode params, List<T> all, Function<T, ObjectNode> row) {
        long start = Bitrix24Params.number(params, "start", 0);
        if (start < 0) {
            start = 0;
        }
        List<ObjectNode> rows = all.stream().skip(start).limit(PAGE_SIZE).map(row).toList();
        ObjectNode answer = list(rows);
        if (start + PAGE_SIZE < all.size()) {
            answer.put("next", start + PAGE_SIZE);
        }
        answer.put("total", all.size());
        return answer;
    }

    private static ObjectNode list(List<ObjectNode> rows) {
        ObjectNode answer = JSON.objectNode();
        answer.putArray("result").addAll(rows);
        return answer;
    }

    static ObjectNode result(JsonNode value) {
        ObjectNode answer = JSON.objectNode();
        answer.set("result", value);
        return answer;
    }

    private static JsonNode filter(JsonNode params, Set<String> supported, String method) {
        JsonNode filter = Bitrix24Params.any(params, "filter", "FILTER");
        if (filter == null || filter.isArray() && filter.isEmpty()) {
            return JSON.objectNode();
        }
        if (!filter.isObject()) {
            throw SandboxBitrix24Error.badArgument("filter must be an object, not " + filter);
        }
        filter.fieldNames().forEachRemaining(name -> {
            if (!supported.contains(name)) {
                throw SandboxBitrix24Error.badArgument("The sandbox's " + method + " does not filter by " + name
                        + " (it takes " + String.join(", ", supported.stream().sorted().toList()) + ")");
            }
        });
        return filter;
    }

    private static Set<Long> either(JsonNode filter, String one, String many) {
        if (filter.has(many)) {
            return Bitrix24Params.numbers(filter.get(many), "filter[" + many + "]");
        }
        return filter.has(one) ? Bitrix24Params.numbers(filter.get(one), "filter[" + one + "]") : null;
    }

    /** Lists come by ID ascending, the order the fast way needs; the sandbox knows no other. */
    private static void checkOrder(JsonNode params) {
        JsonNode order = Bitrix24Params.any(params, "order", "ORDER");
        if (order == null || order.isArray() && order.isEmpty()) {
            return;
        }
        if (!order.isObject() || order.size() != 1 || !order.has("ID")
                || !order.get("ID").asText().equalsIgnoreCase("ASC")) {
            throw SandboxBitrix24Error.badArgument("The sandbox lists by ID ascending only, not order=" + order);
        }
    }

    private static Set<String> select(JsonNode params) {
        JsonNode select = Bitrix24Params.any(params, "select", "SELECT");
        if (select == null || select.isEmpty()) {
            return Set.of();
        }
        Set<String> fields = new HashSet<>();
        select.forEach(field -> fields.add(field.asText()));
        return fields;
    }

    /** Only the selected fields (the ID always); none selected gives all, as a portal's "*" does. */
    private static ObjectNode selected(ObjectNode row, Set<String> select) {
        if (select.isEmpty() || select.contains("*")) {
            return row;
        }
        ObjectNode kept = JSON.objectNode();
        row.fields().forEachRemaining(field -> {
            if (field.getKey().equals("ID") || select.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        return kept;
    }

    static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).atZone(PORTAL_ZONE).format(TIME);
    }
}

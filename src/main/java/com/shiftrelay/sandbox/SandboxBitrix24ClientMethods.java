package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Bitrix24 methods of the missed-call follow-up, over the sandbox's clients, tasks and notes:
 * {@code crm.duplicate.findbycomm} (phones; {@code []} when nothing is found, as PHP writes an empty array),
 * {@code crm.contact.list} (by ID, the fast way too), {@code tasks.task.add} (bound by {@code UF_CRM_TASK}
 * {@code D_<deal>} or {@code C_<contact>}), {@code task.commentitem.add}, {@code tasks.task.complete},
 * {@code tasks.task.list} (by RESPONSIBLE_ID, UF_CRM_TASK and TITLE), {@code tasks.task.update} (its responsible) and {@code crm.timeline.comment.add} (on a deal).
 */
@Component
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.BITRIX24)
class SandboxBitrix24ClientMethods {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_VALUES = 20;

    private final SandboxClients clients;
    private final SandboxCrm crm;

    SandboxBitrix24ClientMethods(SandboxClients clients, SandboxCrm crm) {
        this.clients = clients;
        this.crm = crm;
    }

    ObjectNode call(String method, JsonNode params) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "crm.duplicate.findbycomm" -> findByComm(params);
            case "crm.contact.list" -> contacts(params);
            case "tasks.task.add" -> addTask(params);
            case "tasks.task.list" -> listTasks(params);
            case "task.commentitem.add" -> comment(params);
            case "tasks.task.complete" -> complete(params);
            case "tasks.task.update" -> updateTask(params);
            case "crm.timeline.comment.add" -> timelineComment(params);
            default -> throw new SandboxBitrix24Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
        };
    }

    List<Long> dealsOfContact(long contactId) {
        return clients.contact(contactId).map(SandboxClients.Contact::leadIds).orElse(List.of());
    }

    private ObjectNode findByComm(JsonNode params) {
        String type = Bitrix24Params.text(params, "type");
        if (type == null || type.isBlank()) {
            throw new SandboxBitrix24Error(400, "Communication type is not defined", "Parameter 'type' is required.");
        }
        if (!type.equals("PHONE")) {
            throw new SandboxBitrix24Error(400, "Communication type '" + type + "' is not supported in current context",
                    "The sandbox keeps phone numbers only");
        }
        JsonNode values = params.get("values");
        if (values == null || !(values.isArray() || values.isObject()) || values.isEmpty()) {
            throw new SandboxBitrix24Error(400, "Communication values is not defined", "Parameter 'values' is required.");
        }
        if (values.size() > MAX_VALUES) {
            throw SandboxBitrix24Error.badArgument("At most " + MAX_VALUES + " values");
        }
        String entity = Bitrix24Params.text(params, "entity_type");
        if (entity != null && !Set.of("CONTACT", "LEAD", "COMPANY").contains(entity)) {
            throw SandboxBitrix24Error.badArgument("entity_type must be LEAD, CONTACT or COMPANY, not " + entity);
        }
        ArrayNode found = JSON.arrayNode();
        if (entity == null || entity.equals("CONTACT")) {
            values.forEach(value -> clients.contactsByPhone(digits(value.asText()))
                    .forEach(contact -> found.add(contact.id())));
        }
        if (found.isEmpty()) {
            return SandboxBitrix24Methods.result(JSON.arrayNode());
        }
        ObjectNode result = JSON.objectNode();
        result.set("CONTACT", found);
        return SandboxBitrix24Methods.result(result);
    }

    /** The portal searches whatever format the number was saved in; the sandbox keeps 7XXXXXXXXXX. */
    private static String digits(String number) {
        String digits = number.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("8")) {
            return "7" + digits.substring(1);
        }
        return digits.length() == 10 ? "7" + digits : digits;
    }

    private ObjectNode contacts(JsonNode params) {
        JsonNode filter = Bitrix24Params.any(params, "filter", "FILTER");
        List<Long> ids = new ArrayList<>();
        long above = 0;
        if (filter != null && filter.isObject()) {
            if (filter.has("@ID")) {
                ids.addAll(Bitrix24Params.numbers(filter.get("@ID"), "filter[@ID]"));
            } else if (filter.has("ID")) {
                ids.addAll(Bitrix24Params.numbers(filter.get("ID"), "filter[ID]"));
            }
            if (filter.has(">ID")) {
                above = Bitrix24Params.number(filter.get(">ID"), "filter[>ID]");
            }
        }
        if (ids.isEmpty()) {
            throw SandboxBitrix24Error.badArgument("The sandbox's crm.contact.list lists contacts by ID only");
        }
        long after = above;
        ArrayNode rows = JSON.arrayNode();
        ids.stream().sorted().filter(id -> id > after).limit(SandboxBitrix24Methods.PAGE_SIZE)
                .forEach(id -> clients.contact(id).ifPresent(contact -> {
                    ObjectNode row = rows.addObject();
                    String[] names = contact.name().strip().split("\\s+", 2);
                    row.put("ID", String.valueOf(contact.id()));
                    row.put("NAME", names[0]);
                    row.put("LAST_NAME", names.length > 1 ? names[1] : "");
                    row.put("ASSIGNED_BY_ID", String.valueOf(contact.responsibleId()));
                    ObjectNode phone = row.putArray("PHONE").addObject();
                    phone.put("VALUE", "+" + contact.phone());
                    phone.put("VALUE_TYPE", "WORK");
                }));
        return SandboxBitrix24Methods.result(rows);
    }

    private ObjectNode addTask(JsonNode params) {
        JsonNode fields = Bitrix24Params.any(params, "fields", "FIELDS");
        if (fields == null || !fields.isObject()) {
            throw SandboxBitrix24Error.badArgument("fields must describe the task");
        }
        String title = Bitrix24Params.text(fields, "TITLE");
        if (title == null || title.isBlank()) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "TITLE: The task needs a title");
        }
        long responsible = Bitrix24Params.number(fields, "RESPONSIBLE_ID", 0);
        if (crm.users().stream().noneMatch(user -> user.id() == responsible)) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "RESPONSIBLE_ID: No user " + responsible);
        }
        Instant deadline;
        try {
            deadline = OffsetDateTime.parse(String.valueOf(Bitrix24Params.text(fields, "DEADLINE"))).toInstant();
        } catch (DateTimeParseException e) {
            throw SandboxBitrix24Error.badArgument("DEADLINE must be a date and time such as 2026-12-03T15:02:00+03:00");
        }
        Long deal = null;
        Long contact = null;
        JsonNode bindings = fields.get("UF_CRM_TASK");
        if (bindings != null) {
            for (JsonNode binding : bindings) {
                String value = binding.asText();
                if (value.startsWith("D_")) {
                    deal = Bitrix24Params.number(JSON.textNode(value.substring(2)), "UF_CRM_TASK");
                    try {
                        crm.lead(deal);
                    } catch (SandboxNotFoundException e) {
                        throw SandboxBitrix24Error.badArgument("UF_CRM_TASK: no deal " + deal);
                    }
                } else if (value.startsWith("C_")) {
                    contact = Bitrix24Params.number(JSON.textNode(value.substring(2)), "UF_CRM_TASK");
                    if (clients.contact(contact).isEmpty()) {
                        throw SandboxBitrix24Error.badArgument("UF_CRM_TASK: no contact " + contact);
                    }
                }
            }
        }
        String description = Bitrix24Params.text(fields, "DESCRIPTION");
        long id = clients.createTask(deal, contact, responsible, title, description == null ? "" : description,
                deadline, null);
        ObjectNode task = JSON.objectNode();
        ObjectNode row = task.putObject("task");
        row.put("id", String.valueOf(id));
        row.put("title", title);
        row.put("responsibleId", String.valueOf(responsible));
        row.put("status", "2");
        return SandboxBitrix24Methods.result(task);
    }

    /**
     * The tasks by RESPONSIBLE_ID, UF_CRM_TASK ({@code D_<deal>} or {@code C_<contact>}) and TITLE, each an exact match,
     * with the answer's camelCase keys; one page of at most 50, as the portal gives.
     */
    private ObjectNode listTasks(JsonNode params) {
        JsonNode filter = Bitrix24Params.any(params, "filter", "FILTER");
        if (filter == null || !filter.isObject()) {
            filter = JSON.objectNode();
        }
        Set<String> supported = Set.of("RESPONSIBLE_ID", "UF_CRM_TASK", "TITLE");
        for (Iterator<String> names = filter.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!supported.contains(name)) {
                throw SandboxBitrix24Error.badArgument("The sandbox's tasks.task.list does not filter by " + name);
            }
        }
        Long responsible = filter.has("RESPONSIBLE_ID")
                ? Bitrix24Params.number(filter.get("RESPONSIBLE_ID"), "filter[RESPONSIBLE_ID]") : null;
        String binding = filter.has("UF_CRM_TASK") ? filter.get("UF_CRM_TASK").asText() : null;
        String title = filter.has("TITLE") ? filter.get("TITLE").asText() : null;
        ArrayNode rows = JSON.arrayNode();
        clients.tasks().stream()
                .filter(task -> responsible == null || task.responsibleId() == responsible)
                .filter(task -> binding == null || binding.equals(task.leadId() != null ? "D_" + task.leadId()
                        : "C_" + task.contactId()))
                .filter(task -> title == null || title.equals(task.title()))
                .limit(50)
                .forEach(task -> {
                    ObjectNode row = rows.addObject();
                    row.put("id", String.valueOf(task.id()));
                    row.put("title", task.title());
                    row.put("description", task.text());
                    row.put("deadline", task.completeTill().atOffset(ZoneOffset.ofHours(3)).toString());
                    row.put("responsibleId", String.valueOf(task.responsibleId()));
                    row.put("status", task.completed() ? "5" : "2");
                });
        ObjectNode list = JSON.objectNode();
        list.set("tasks", rows);
        ObjectNode answer = SandboxBitrix24Methods.result(list);
        answer.put("total", rows.size());
        return answer;
    }

    private ObjectNode comment(JsonNode params) {
        long task = Bitrix24Params.number(params, "TASKID", 0);
        JsonNode fields = Bitrix24Params.any(params, "FIELDS", "fields");
        String message = fields == null ? null : Bitrix24Params.text(fields, "POST_MESSAGE");
        if (message == null || message.isBlank()) {
            throw SandboxBitrix24Error.badArgument("FIELDS[POST_MESSAGE] is required");
        }
        if (!clients.commentOnTask(task, message)) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "TASKS_ERROR_EXCEPTION_#8; Task not found");
        }
        return SandboxBitrix24Methods.result(JSON.numberNode(clients.task(task).orElseThrow().comments().size()));
    }

    private ObjectNode complete(JsonNode params) {
        long task = Bitrix24Params.number(params, "taskId", 0);
        if (!clients.updateTask(task, null, null, true, null)) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "TASKS_ERROR_EXCEPTION_#8; Task not found");
        }
        ObjectNode answer = JSON.objectNode();
        ObjectNode row = answer.putObject("task");
        row.put("id", String.valueOf(task));
        row.put("status", "5");
        return SandboxBitrix24Methods.result(answer);
    }

    private ObjectNode updateTask(JsonNode params) {
        long task = Bitrix24Params.number(params, "taskId", 0);
        JsonNode fields = Bitrix24Params.any(params, "fields", "FIELDS");
        if (fields == null || !fields.isObject() || !fields.has("RESPONSIBLE_ID") || fields.size() != 1) {
            throw SandboxBitrix24Error.badArgument("The sandbox's tasks.task.update changes RESPONSIBLE_ID only");
        }
        long responsible = Bitrix24Params.number(fields.get("RESPONSIBLE_ID"), "fields[RESPONSIBLE_ID]");
        if (crm.users().stream().noneMatch(user -> user.id() == responsible)) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "RESPONSIBLE_ID: No user " + responsible);
        }
        if (!clients.updateTask(task, null, responsible, null, null)) {
            throw new SandboxBitrix24Error(400, "ERROR_CORE", "TASKS_ERROR_EXCEPTION_#8; Task not found");
        }
        ObjectNode answer = JSON.objectNode();
        answer.putObject("task").put("id", String.valueOf(task));
        return SandboxBitrix24Methods.result(answer);
    }

    private ObjectNode timelineComment(JsonNode params) {
        JsonNode fields = Bitrix24Params.any(params, "fields", "FIELDS");
        if (fields == null || !fields.isObject()) {
            throw SandboxBitrix24Error.badArgument("fields must describe the comment");
        }
        if (!"deal".equalsIgnoreCase(Bitrix24Params.text(fields, "ENTITY_TYPE"))) {
            throw SandboxBitrix24Error.badArgument("The sandbox keeps timeline comments of deals only (ENTITY_TYPE=deal)");
        }
        long deal = Bitrix24Params.number(fields, "ENTITY_ID", 0);
        String comment = Bitrix24Params.text(fields, "COMMENT");
        if (comment == null || comment.isBlank()) {
            throw SandboxBitrix24Error.badArgument("COMMENT is required");
        }
        try {
            crm.lead(deal);
        } catch (SandboxNotFoundException e) {
            throw SandboxBitrix24Error.notFound();
        }
        return SandboxBitrix24Methods.result(JSON.numberNode(clients.addNote(deal, comment)));
    }
}

package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * amoCRM's contacts, tasks and notes as the missed-call follow-up uses them (contacts-api, tasks-api, notes-api):
 * {@code GET /contacts?query=<digits>&with=leads} (204 when nobody has the number), {@code POST /tasks} (an array,
 * each echoing its {@code request_id}), {@code PATCH /tasks/{id}} (text, responsible, {@code is_completed} with a
 * {@code result}) and {@code POST /leads/notes} ({@code common} notes).
 */
@RestController
@RequestMapping(SandboxWebConfiguration.API_BASE)
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.AMOCRM)
class SandboxAmoCrmClientsController {

    static final long PHONE_FIELD_ID = 900010;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SandboxClients clients;
    private final SandboxCrm crm;

    SandboxAmoCrmClientsController(SandboxClients clients, SandboxCrm crm) {
        this.clients = clients;
        this.crm = crm;
    }

    @GetMapping("/contacts")
    ResponseEntity<?> contacts(@RequestParam(name = "query", required = false) String query,
                               @RequestParam(name = "with", required = false) String with, HttpServletRequest request) {
        if (query == null || query.isBlank()) {
            throw new BadParameterException("query", "The sandbox finds contacts by a phone number: query=79161234567");
        }
        String digits = query.replaceAll("\\D", "");
        String phone = digits.length() == 10 ? "7" + digits : digits.length() == 11 && digits.startsWith("8")
                ? "7" + digits.substring(1) : digits;
        List<SandboxClients.Contact> found = clients.contactsByPhone(phone);
        if (found.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        boolean withLeads = with != null && List.of(with.split(",")).contains("leads");
        ArrayNode contacts = JSON.arrayNode();
        for (SandboxClients.Contact contact : found) {
            ObjectNode row = contacts.addObject();
            row.put("id", contact.id());
            row.put("name", contact.name());
            row.put("responsible_user_id", contact.responsibleId());
            row.put("account_id", SandboxAmoCrmController.ACCOUNT_ID);
            ObjectNode phoneField = row.putArray("custom_fields_values").addObject();
            phoneField.put("field_id", PHONE_FIELD_ID);
            phoneField.put("field_name", "Телефон");
            phoneField.put("field_code", "PHONE");
            phoneField.put("field_type", "multitext");
            ObjectNode value = phoneField.putArray("values").addObject();
            value.put("value", "+" + contact.phone());
            value.put("enum_code", "WORK");
            ObjectNode embedded = row.putObject("_embedded");
            ArrayNode leads = embedded.putArray("leads");
            if (withLeads) {
                contact.leadIds().forEach(id -> leads.addObject().put("id", id));
            }
        }
        ObjectNode page = JSON.objectNode();
        page.put("_page", 1);
        page.putObject("_links").putObject("self").put("href", request.getRequestURL().toString());
        page.putObject("_embedded").set("contacts", contacts);
        return hal(page);
    }

    /**
     * The tasks by {@code filter[entity_type]} with {@code filter[entity_id][]}, {@code filter[responsible_user_id][]}
     * and {@code filter[is_completed]} (0 or 1), as tasks-api filters them; 204 when none matches.
     */
    @GetMapping("/tasks")
    ResponseEntity<?> tasks(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        String type = query.getFirst("filter[entity_type]");
        if (type != null && !type.equals("leads") && !type.equals("contacts")) {
            throw new BadParameterException("filter[entity_type]", "entity_type must be leads or contacts");
        }
        List<Long> entities = ids(query, "filter[entity_id][]");
        List<Long> responsible = ids(query, "filter[responsible_user_id][]");
        String completed = query.getFirst("filter[is_completed]");
        ArrayNode rows = JSON.arrayNode();
        clients.tasks().stream()
                .sorted(Comparator.comparingLong(SandboxClients.Task::id))
                .filter(task -> type == null || (type.equals("leads") ? task.leadId() != null : task.contactId() != null))
                .filter(task -> entities.isEmpty() || entities.contains(type == null || type.equals("leads")
                        ? task.leadId() : task.contactId()))
                .filter(task -> responsible.isEmpty() || responsible.contains(task.responsibleId()))
                .filter(task -> completed == null || task.completed() == (completed.equals("1")
                        || completed.equals("true")))
                .limit(250)
                .forEach(task -> {
                    ObjectNode row = rows.addObject();
                    row.put("id", task.id());
                    row.put("responsible_user_id", task.responsibleId());
                    row.put("entity_id", task.leadId() != null ? task.leadId() : task.contactId());
                    row.put("entity_type", task.leadId() != null ? "leads" : "contacts");
                    row.put("is_completed", task.completed());
                    row.put("task_type_id", 1);
                    row.put("text", task.text());
                    row.put("complete_till", task.completeTill().getEpochSecond());
                    row.put("created_at", task.createdAt().getEpochSecond());
                    row.put("account_id", SandboxAmoCrmController.ACCOUNT_ID);
                });
        if (rows.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        ObjectNode page = JSON.objectNode();
        page.put("_page", 1);
        page.putObject("_links").putObject("self").put("href", request.getRequestURL().toString());
        page.putObject("_embedded").set("tasks", rows);
        return hal(page);
    }

    private static List<Long> ids(MultiValueMap<String, String> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        try {
            return values.stream().map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " takes ids, not " + values);
        }
    }

    @PostMapping("/tasks")
    ResponseEntity<?> createTasks(@RequestBody JsonNode body, HttpServletRequest request) {
        if (!body.isArray() || body.isEmpty()) {
            throw new BadParameterException("body", "The request body must be a JSON array of tasks");
        }
        ArrayNode created = JSON.arrayNode();
        for (int i = 0; i < body.size(); i++) {
            JsonNode task = body.get(i);
            String text = task.path("text").asText("");
            long till = task.path("complete_till").asLong(0);
            long entity = task.path("entity_id").asLong(0);
            String type = task.path("entity_type").asText("");
            long responsible = task.path("responsible_user_id").asLong(0);
            if (text.isBlank()) {
                throw new BadParameterException(i + ".text", "A task needs its text");
            }
            if (till <= 0) {
                throw new BadParameterException(i + ".complete_till", "A task needs complete_till, a Unix time");
            }
            if (crm.users().stream().noneMatch(user -> user.id() == responsible)) {
                throw new BadParameterException(i + ".responsible_user_id", "No user " + responsible);
            }
            Long leadId = null;
            Long contactId = null;
            if (type.equals("leads")) {
                requireLead(i + ".entity_id", entity);
                leadId = entity;
            } else if (type.equals("contacts")) {
                if (clients.contact(entity).isEmpty()) {
                    throw new BadParameterException(i + ".entity_id", "No contact " + entity);
                }
                contactId = entity;
            } else if (!type.isEmpty() || task.has("entity_id")) {
                throw new BadParameterException(i + ".entity_type", "entity_type must be leads or contacts");
            }
            String requestId = task.hasNonNull("request_id") ? task.get("request_id").asText() : String.valueOf(i);
            long id = clients.createTask(leadId, contactId, responsible, "Задача", text, Instant.ofEpochSecond(till),
                    requestId);
            ObjectNode row = created.addObject();
            row.put("id", id);
            row.put("request_id", requestId);
        }
        ObjectNode answer = JSON.objectNode();
        answer.putObject("_links").putObject("self").put("href", request.getRequestURL().toString());
        answer.putObject("_embedded").set("tasks", created);
        return hal(answer);
    }

    @PatchMapping("/tasks/{id}")
    ResponseEntity<?> updateTask(@PathVariable long id, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw new BadParameterException("body", "The request body must be the task's changed fields");
        }
        String text = body.hasNonNull("text") ? body.get("text").asText() : null;
        Long responsible = body.hasNonNull("responsible_user_id") ? body.get("responsible_user_id").asLong() : null;
        if (responsible != null && crm.users().stream().noneMatch(user -> user.id() == responsible)) {
            throw new BadParameterException("responsible_user_id", "No user " + responsible);
        }
        Boolean completed = body.hasNonNull("is_completed") ? body.get("is_completed").asBoolean() : null;
        String result = body.path("result").hasNonNull("text") ? body.path("result").get("text").asText() : null;
        if (!clients.updateTask(id, text, responsible, completed, result)) {
            return ResponseEntity.notFound().build();
        }
        ObjectNode answer = JSON.objectNode();
        answer.put("id", id);
        answer.put("updated_at", Instant.now().getEpochSecond());
        return hal(answer);
    }

    @PostMapping("/leads/notes")
    ResponseEntity<?> addNotes(@RequestBody JsonNode body, HttpServletRequest request) {
        if (!body.isArray() || body.isEmpty()) {
            throw new BadParameterException("body", "The request body must be a JSON array of notes");
        }
        ArrayNode created = JSON.arrayNode();
        for (int i = 0; i < body.size(); i++) {
            JsonNode note = body.get(i);
            long lead = note.path("entity_id").asLong(0);
            if (!"common".equals(note.path("note_type").asText())) {
                throw new BadParameterException(i + ".note_type", "The sandbox keeps common notes only");
            }
            String text = note.path("params").path("text").asText("");
            if (text.isBlank()) {
                throw new BadParameterException(i + ".params.text", "A note needs its text");
            }
            requireLead(i + ".entity_id", lead);
            ObjectNode row = created.addObject();
            row.put("id", clients.addNote(lead, text));
            row.put("entity_id", lead);
        }
        ObjectNode answer = JSON.objectNode();
        answer.putObject("_links").putObject("self").put("href", request.getRequestURL().toString());
        answer.putObject("_embedded").set("notes", created);
        return hal(answer);
    }

    private void requireLead(String parameter, long id) {
        try {
            crm.lead(id);
        } catch (SandboxNotFoundException e) {
            throw new BadParameterException(parameter, "No lead " + id);
        }
    }

    private static ResponseEntity<?> hal(Object body) {
        return ResponseEntity.ok().contentType(SandboxAmoCrmController.HAL_JSON).body(body);
    }
}

package com.shiftrelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
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
            } else {
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

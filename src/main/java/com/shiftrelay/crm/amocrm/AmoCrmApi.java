package com.shiftrelay.crm.amocrm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import feign.Request;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.SpringQueryMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * amoCRM's REST API v4 as far as ShiftRelay uses it. The records below are the vendor's JSON shapes,
 * read with snake_case names (see {@link AmoCrmJson}). A list answered with 204 decodes to null. Every method
 * takes the request's timeouts, which {@link AmoCrmCalls} sets per request.
 */
// The url is a placeholder: AmoCrmClientConfiguration points every request at the configured account or at
// the embedded sandbox, whose port is only known once the web server has started.
@FeignClient(name = "amocrm", url = "http://amocrm.invalid", configuration = AmoCrmClientConfiguration.class)
interface AmoCrmApi {

    String TOKEN_PATH = "/oauth2/access_token";

    @GetMapping("/api/v4/account")
    Account account(@RequestParam("with") String with, Request.Options options);

    @GetMapping("/api/v4/users")
    Page<Users> users(@RequestParam("page") int page, @RequestParam("limit") int limit, Request.Options options);

    /** Bracket filters such as {@code filter[id][]} come in the map; collection values repeat the key. */
    @GetMapping("/api/v4/leads")
    Page<Leads> leads(@SpringQueryMap Map<String, Object> query, Request.Options options);

    @PatchMapping(path = "/api/v4/leads", consumes = "application/json")
    void updateLeads(@RequestBody List<LeadUpdate> updates, Request.Options options);

    @GetMapping("/api/v4/events")
    Page<Events> events(@SpringQueryMap Map<String, Object> query, Request.Options options);

    @PostMapping(path = TOKEN_PATH, consumes = "application/json")
    TokenAnswer accessToken(@RequestBody TokenRequest request, Request.Options options);

    /** contacts-api: {@code query} is the phone's digits, {@code with=leads} embeds the contact's deals; 204 = none. */
    @GetMapping("/api/v4/contacts")
    Page<Contacts> contacts(@RequestParam("query") String query, @RequestParam("with") String with,
                            Request.Options options);

    /** tasks-api: the list, by {@code filter[entity_type]}, {@code filter[entity_id][]} and the like; 204 = none. */
    @GetMapping("/api/v4/tasks")
    Page<Tasks> tasks(@SpringQueryMap Map<String, Object> query, Request.Options options);

    @PostMapping(path = "/api/v4/tasks", consumes = "application/json")
    Created<CreatedTasks> createTasks(@RequestBody List<NewTask> tasks, Request.Options options);

    @PatchMapping(path = "/api/v4/tasks/{id}", consumes = "application/json")
    void updateTask(@PathVariable("id") long id, @RequestBody TaskUpdate update, Request.Options options);

    @PostMapping(path = "/api/v4/leads/notes", consumes = "application/json")
    void addNotes(@RequestBody List<NewNote> notes, Request.Options options);

    record Page<E>(@JsonProperty("_page") Integer page, @JsonProperty("_links") Links links,
                   @JsonProperty("_embedded") E embedded) {

        boolean hasNext() {
            return links != null && links.next() != null;
        }
    }

    record Links(Link self, Link next) {
    }

    record Link(String href) {
    }

    record Account(long id, String name, String subdomain, @JsonProperty("_embedded") AccountEmbedded embedded) {
    }

    record AccountEmbedded(List<Group> usersGroups) {
    }

    record Group(long id, String name) {
    }

    record Users(List<User> users) {
    }

    record User(long id, String name, String email, Rights rights) {
    }

    record Rights(Boolean isActive, Long groupId) {
    }

    record Leads(List<Lead> leads) {
    }

    record Lead(long id, String name, Long price, Long responsibleUserId, Long groupId, Long statusId,
                Long pipelineId, Long createdBy, Long createdAt, Long updatedAt, Long closedAt, Boolean isDeleted,
                List<CustomFieldValue> customFieldsValues, @JsonProperty("_embedded") LeadEmbedded embedded) {
    }

    /** What a lead embeds: its tags always, its contacts with {@code with=contacts}. */
    record LeadEmbedded(List<Tag> tags) {
    }

    record Tag(Long id, String name) {
    }

    record CustomFieldValue(long fieldId, String fieldName, String fieldCode, String fieldType,
                            List<FieldValue> values) {
    }

    record FieldValue(Object value) {
    }

    record LeadUpdate(long id, long responsibleUserId) {
    }

    record Events(List<Event> events) {
    }

    record Event(String id, String type, Long entityId, String entityType, Long createdBy, Long createdAt) {
    }

    record Contacts(List<Contact> contacts) {
    }

    record Contact(long id, String name, Long responsibleUserId, List<CustomFieldValue> customFieldsValues,
                   @JsonProperty("_embedded") ContactEmbedded embedded) {
    }

    record ContactEmbedded(List<LeadRef> leads) {
    }

    record LeadRef(long id) {
    }

    /**
     * tasks-api: {@code complete_till} in Unix seconds, {@code task_type_id} 1 a call; the caller's request_id; no
     * entity for a task linked to nothing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewTask(String text, long completeTill, Long entityId, String entityType, long responsibleUserId,
                   int taskTypeId, String requestId) {
    }

    record Created<E>(@JsonProperty("_embedded") E embedded) {
    }

    record Tasks(List<Task> tasks) {
    }

    record Task(long id, String text, long completeTill, Long entityId, String entityType, long responsibleUserId,
                boolean isCompleted) {
    }

    record CreatedTasks(List<CreatedTask> tasks) {
    }

    record CreatedTask(long id, String requestId) {
    }

    /** Only what is set is sent; completing takes its result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TaskUpdate(String text, Long responsibleUserId, Boolean isCompleted, TaskResult result) {
    }

    record TaskResult(String text) {
    }

    record NewNote(long entityId, String noteType, NoteParams params) {
    }

    record NoteParams(String text) {
    }

    record TokenRequest(String clientId, String clientSecret, String grantType, String code, String refreshToken,
                        String redirectUri) {
    }

    record TokenAnswer(String tokenType, Long expiresIn, String accessToken, String refreshToken) {
    }

    /** An {@code application/problem+json} error body; 400s may name the invalid items of a batch. */
    record Problem(String title, String type, Integer status, String detail,
                   @JsonProperty("validation-errors") List<ValidationError> validationErrors) {
    }

    record ValidationError(String requestId, List<FieldError> errors) {
    }

    record FieldError(String code, String path, String detail) {
    }
}

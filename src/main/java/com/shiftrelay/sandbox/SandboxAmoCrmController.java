package com.shiftrelay.sandbox;

import com.shiftrelay.crm.CrmProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subset of amoCRM's REST API v4 that ShiftRelay's amoCRM adapter uses, served from the sandbox's data
 * with amoCRM's paging (204 for an empty page), limits and error shapes, so the adapter runs unchanged.
 */
@RestController
@RequestMapping(SandboxWebConfiguration.API_BASE)
@ConditionalOnSandboxDialect(SandboxProperties.Dialect.AMOCRM)
class SandboxAmoCrmController {

    static final MediaType HAL_JSON = MediaType.parseMediaType("application/hal+json");
    static final long ACCOUNT_ID = 1;
    static final String SUBDOMAIN = "sandbox";
    static final long DEFAULT_PINNED_FIELD_ID = 900001;
    static final String PINNED_FIELD_NAME = "Закреплена за менеджером";
    static final int MAX_LEADS_PAGE = 250;
    static final int MAX_EVENTS_PAGE = 100;
    static final int MAX_PATCH_BATCH = 50;

    private final SandboxCrm crm;
    private final long pinnedFieldId;

    SandboxAmoCrmController(SandboxCrm crm, CrmProperties crmProperties) {
        this.crm = crm;
        this.pinnedFieldId = crmProperties.pinnedFieldId() == null
                ? DEFAULT_PINNED_FIELD_ID : crmProperties.pinnedFieldId();
    }

    @GetMapping("/account")
    ResponseEntity<?> account(HttpServletRequest request) {
        BracketParams params = params(request);
        Map<String, List<?>> embedded = new LinkedHashMap<>();
        if (params.values("with").contains("users_groups")) {
            embedded.put("users_groups", crm.groupList().stream()
                    .map(g -> new AmoCrmJson.UserGroup(g.getId(), g.getName())).toList());
        }
        return hal(new AmoCrmJson.Account(ACCOUNT_ID, "ShiftRelay sandbox", SUBDOMAIN, embedded));
    }

    @GetMapping("/users")
    ResponseEntity<?> users(HttpServletRequest request) {
        BracketParams params = params(request);
        int page = params.intValue("page", 1, 1, Integer.MAX_VALUE);
        int limit = params.intValue("limit", 50, 1, MAX_LEADS_PAGE);
        var users = crm.userPage(PageRequest.of(page - 1, limit, Sort.by("id")));
        return page(request, "users", page, users.hasNext(), users.getContent(), user -> new AmoCrmJson.User(
                user.getId(), user.getName(), user.getEmail(), "ru",
                new AmoCrmJson.Rights(user.isActive(), false, user.getGroupId())));
    }

    @GetMapping("/leads")
    ResponseEntity<?> leads(HttpServletRequest request) {
        BracketParams params = params(request);
        int page = params.intValue("page", 1, 1, Integer.MAX_VALUE);
        int limit = params.intValue("limit", 50, 1, MAX_LEADS_PAGE);
        var filter = new SandboxCrm.LeadFilter(params.longs("filter[id]"),
                params.longs("filter[responsible_user_id]"), params.longs("filter[pipeline_id]"),
                params.longs("filter[status_id]"));
        var leads = crm.leadPage(filter, PageRequest.of(page - 1, limit, leadOrder(params)));
        Map<Long, Long> groupOf = crm.groupIdsByUser();
        return page(request, "leads", page, leads.hasNext(), leads.getContent(), lead -> leadJson(lead, groupOf));
    }

    @GetMapping("/leads/custom_fields")
    ResponseEntity<?> leadCustomFields(HttpServletRequest request) {
        return page(request, "custom_fields", 1, false,
                List.of(new AmoCrmJson.CustomField(pinnedFieldId, PINNED_FIELD_NAME, "checkbox", null, 500,
                        "leads", false)), Function.identity());
    }

    @GetMapping("/leads/pipelines")
    ResponseEntity<?> pipelines(HttpServletRequest request) {
        List<AmoCrmJson.PipelineJson> pipelines = new ArrayList<>();
        int sort = 1;
        for (var entry : crm.pipelines().entrySet()) {
            pipelines.add(new AmoCrmJson.PipelineJson(entry.getKey(), entry.getValue(), sort, sort == 1,
                    ACCOUNT_ID));
            sort++;
        }
        return page(request, "pipelines", 1, false, pipelines, Function.identity());
    }

    @PatchMapping("/leads")
    ResponseEntity<?> updateLeads(@RequestBody List<AmoCrmJson.LeadPatch> body, HttpServletRequest request) {
        if (body.isEmpty()) {
            throw new BadParameterException("body", "The request body must hold at least one lead");
        }
        if (body.size() > MAX_PATCH_BATCH) {
            throw new BadParameterException("body",
                    "At most " + MAX_PATCH_BATCH + " leads a request, got " + body.size());
        }
        List<SandboxCrm.ResponsibleChange> changes = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            AmoCrmJson.LeadPatch patch = body.get(i);
            // amoCRM echoes the caller's request_id, or the item's position when there is none.
            String requestId = patch.requestId() == null ? String.valueOf(i) : patch.requestId();
            changes.add(new SandboxCrm.ResponsibleChange(requestId, patch.id(), patch.responsibleUserId()));
        }
        SandboxCrm.BatchOutcome outcome = crm.changeResponsibles(changes);
        if (!outcome.refused().isEmpty()) {
            throw new BatchRejectedException(outcome.refused());
        }
        List<AmoCrmJson.UpdatedLead> items = new ArrayList<>();
        for (SandboxCrm.AppliedChange change : outcome.applied()) {
            items.add(new AmoCrmJson.UpdatedLead(change.lead().getId(), change.lead().getUpdatedAt().getEpochSecond(),
                    change.requestId()));
        }
        return hal(new AmoCrmJson.Updated(Map.of("self", new AmoCrmJson.Href(selfUrl(request))),
                Map.of("leads", items)));
    }

    @GetMapping("/events")
    ResponseEntity<?> events(HttpServletRequest request) {
        BracketParams params = params(request);
        int page = params.intValue("page", 1, 1, Integer.MAX_VALUE);
        int limit = params.intValue("limit", 50, 1, MAX_EVENTS_PAGE);
        Long from = params.longValue("filter[created_at][from]");
        Long to = params.longValue("filter[created_at][to]");
        var filter = new SandboxCrm.EventFilter(
                from == null ? null : Instant.ofEpochSecond(from),
                to == null ? null : Instant.ofEpochSecond(to),
                Set.copyOf(params.values("filter[type]")), params.longs("filter[created_by]"),
                params.longs("filter[entity_id]"));
        // Newest first, as amoCRM lists its feed.
        var events = crm.eventPage(filter, PageRequest.of(page - 1, limit,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return page(request, "events", page, events.hasNext(), events.getContent(), this::eventJson);
    }

    private static Sort leadOrder(BracketParams params) {
        for (String field : List.of("id", "created_at", "updated_at")) {
            String direction = params.string("order[" + field + "]");
            if (direction != null) {
                String property = switch (field) {
                    case "created_at" -> "createdAt";
                    case "updated_at" -> "updatedAt";
                    default -> "id";
                };
                return switch (direction.toLowerCase()) {
                    case "asc" -> Sort.by(Sort.Order.asc(property), Sort.Order.asc("id"));
                    case "desc" -> Sort.by(Sort.Order.desc(property), Sort.Order.desc("id"));
                    default -> throw new BadParameterException("order[" + field + "]",
                            "order[" + field + "] must be asc or desc");
                };
            }
        }
        return Sort.by("id");
    }

    private AmoCrmJson.Lead leadJson(Lead lead, Map<Long, Long> groupOf) {
        // amoCRM sends null, not an empty list, for a lead with no custom field filled in.
        List<AmoCrmJson.CustomFieldValues> fields = lead.isPinned()
                ? List.of(new AmoCrmJson.CustomFieldValues(pinnedFieldId, PINNED_FIELD_NAME, null, "checkbox",
                        List.of(new AmoCrmJson.Value(true))))
                : null;
        return new AmoCrmJson.Lead(lead.getId(), lead.getName(), lead.getPrice(), lead.getResponsibleUserId(),
                groupOf.getOrDefault(lead.getResponsibleUserId(), 0L), lead.getStatusId(), lead.getPipelineId(),
                lead.getCreatedBy(), lead.getUpdatedBy(), lead.getCreatedAt().getEpochSecond(),
                lead.getUpdatedAt().getEpochSecond(),
                lead.getClosedAt() == null ? null : lead.getClosedAt().getEpochSecond(), null, false, fields,
                ACCOUNT_ID, new AmoCrmJson.LeadEmbedded(lead.getTags().stream()
                        .map(tag -> new AmoCrmJson.Tag(tag.getId(), tag.getName(), null)).toList()));
    }

    private AmoCrmJson.Event eventJson(Event event) {
        List<Object> after = List.of();
        List<Object> before = List.of();
        if (event.getResponsibleAfter() != null) {
            after = List.of(Map.of("responsible_user", Map.of("id", event.getResponsibleAfter())));
            before = List.of(Map.of("responsible_user", Map.of("id", event.getResponsibleBefore())));
        }
        return new AmoCrmJson.Event(String.valueOf(event.getId()), event.getType(), event.getEntityId(),
                event.getEntityType(), event.getCreatedBy(), event.getCreatedAt().getEpochSecond(), after, before,
                ACCOUNT_ID);
    }

    private static <T> ResponseEntity<?> page(HttpServletRequest request, String key, int page, boolean hasNext,
                                              List<T> items, Function<T, ?> toJson) {
        if (items.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        Map<String, AmoCrmJson.Href> links = new LinkedHashMap<>();
        links.put("self", new AmoCrmJson.Href(pageUrl(request, page)));
        if (hasNext) {
            links.put("next", new AmoCrmJson.Href(pageUrl(request, page + 1)));
        }
        return hal(new AmoCrmJson.Page(page, links, Map.of(key, items.stream().map(toJson).toList())));
    }

    private static ResponseEntity<?> hal(Object body) {
        // Set explicitly so a client asking for application/json still gets amoCRM's content type.
        return ResponseEntity.ok().contentType(HAL_JSON).body(body);
    }

    private static BracketParams params(HttpServletRequest request) {
        return new BracketParams(request.getParameterMap());
    }

    private static String selfUrl(HttpServletRequest request) {
        return request.getRequestURL().toString();
    }

    /** The same request with another page number, brackets encoded so the link is a valid URI. */
    private static String pageUrl(HttpServletRequest request, int page) {
        Map<String, String[]> query = new TreeMap<>(request.getParameterMap());
        query.put("page", new String[] {String.valueOf(page)});
        StringBuilder url = new StringBuilder(selfUrl(request));
        char separator = '?';
        for (var entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                url.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }
}

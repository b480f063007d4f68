package com.shiftrelay.crm.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmClient;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.DealChangeBatch;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.CrmTaskRequest;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.CrmUser;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import com.shiftrelay.crm.WorkDay;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM port on a Bitrix24 portal. Users come from {@code user.get} (employees; the dismissed with
 * {@code active=false}), teams from departments ({@code department.get}; a user's team is the first of their
 * {@code UF_DEPARTMENT}), deals from {@code crm.deal.list} with Bitrix24's pipelines ({@code CATEGORY_ID}) as
 * pipelines, activity from {@code crm.activity.list}. Large lists are read the documented fast way
 * (settings/performance/huge-data.md): {@code start=-1}, ordered by ID, each page asking for IDs above the last one,
 * which spares the portal a count per page. Reassignments go 50 to a {@code batch}.
 */
final class Bitrix24Gateway implements CrmGateway {

    /** Deal stage semantics (STAGE_SEMANTIC_ID): P in progress, S won, F lost. */
    private static final String WON = "S";
    private static final String LOST = "F";
    private static final String IN_PROGRESS = "P";
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final List<String> DEAL_FIELDS = List.of("ID", "TITLE", "ASSIGNED_BY_ID", "CATEGORY_ID",
            "STAGE_ID", "STAGE_SEMANTIC_ID", "DATE_CREATE", "OPPORTUNITY", "CREATED_BY_ID");
    private static final List<String> ACTIVITY_FIELDS = List.of("ID", "TYPE_ID", "PROVIDER_ID", "DIRECTION",
            "COMPLETED", "RESPONSIBLE_ID", "AUTHOR_ID", "EDITOR_ID", "LAST_UPDATED");
    /** crm.enum.activitytype: 1 meeting, 2 call, 3 task, 4 e-mail. */
    private static final long CALL = 2;
    private static final long TASK = 3;
    private static final long EMAIL = 4;
    /** crm.enum.activitydirection: 1 incoming, 2 outgoing. */
    private static final long INCOMING = 1;
    private static final String OPEN_LINE_CHAT = "IMOPENLINES_SESSION";

    /** The deal events ShiftRelay reads from the offline queue; it acts on each of them (CrmDealChange.Kind). */
    static final List<String> OFFLINE_DEAL_EVENTS = List.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE");
    private static final Logger log = LoggerFactory.getLogger(Bitrix24Gateway.class);

    private final Bitrix24Calls calls;
    private final Bitrix24Properties properties;
    private final Long pinnedFlagId;
    private volatile boolean offlineEventsBound;

    /**
     * @param pinnedFlagId the id under which a deal's ticked pinned field ({@link Bitrix24Properties#pinnedField()})
     *                     appears in {@link CrmDeal#checkedFlags()}: the planning's {@code shiftrelay.crm.pinned-field-id}
     */
    Bitrix24Gateway(Bitrix24Calls calls, Bitrix24Properties properties, Long pinnedFlagId) {
        this.calls = calls;
        this.properties = properties;
        this.pinnedFlagId = pinnedFlagId;
        if (properties.hasPinnedField() && pinnedFlagId == null) {
            throw new IllegalStateException("shiftrelay.crm.bitrix24.pinned-field is set but shiftrelay.crm"
                    + ".pinned-field-id is not: the hand-over would not know the deals it names are pinned");
        }
    }

    @Override
    public CrmDirectory directory() {
        List<CrmTeam> teams = new ArrayList<>();
        for (JsonNode department : pagedByNext("department.get", new LinkedHashMap<>())) {
            teams.add(new CrmTeam(Bitrix24Values.id(department, "ID"), Bitrix24Values.text(department, "NAME")));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        // Employees only: extranet and e-mail users take no deals. Without ACTIVE the dismissed come too, as the
        // directory must report them (user-get.md).
        params.put("FILTER", Map.of("USER_TYPE", "employee"));
        params.put("SORT", "ID");
        params.put("ORDER", "ASC");
        List<CrmUser> users = new ArrayList<>();
        for (JsonNode user : pagedByNext("user.get", params)) {
            List<Long> departments = Bitrix24Values.ids(user, "UF_DEPARTMENT");
            String name = (Bitrix24Values.text(user, "NAME") + " " + Bitrix24Values.text(user, "LAST_NAME")).strip();
            users.add(new CrmUser(Bitrix24Values.id(user, "ID"), name.isEmpty() ? Bitrix24Values.text(user, "EMAIL") : name,
                    Bitrix24Values.text(user, "EMAIL"), departments.isEmpty() ? null : departments.get(0),
                    Bitrix24Values.flag(user, "ACTIVE")));
        }
        return new CrmDirectory(users, teams);
    }

    @Override
    public List<CrmDeal> dealsOf(Collection<Long> responsibleIds, Collection<Long> pipelineIds) {
        if (responsibleIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("@ASSIGNED_BY_ID", List.copyOf(responsibleIds));
        if (!pipelineIds.isEmpty()) {
            filter.put("@CATEGORY_ID", List.copyOf(pipelineIds));
        }
        filter.put("CLOSED", "N");
        return dealPagesChained(filter).stream().map(this::deal).toList();
    }

    /**
     * Deals by id, 50 ids to a {@code crm.deal.list}; more than 50 go as such lists in one {@code batch} of up to 50
     * commands, so re-reading the 250 deals ahead of a hand-over's writes is one request, not five, of the portal's two
     * a second (settings/how-to-call-rest-api/batch.md).
     */
    @Override
    public List<CrmDeal> deals(Collection<Long> dealIds) {
        List<Long> ids = List.copyOf(Set.copyOf(dealIds)).stream().sorted().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += Bitrix24Properties.PAGE_SIZE) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + Bitrix24Properties.PAGE_SIZE)));
        }
        List<CrmDeal> deals = new ArrayList<>();
        if (chunks.size() == 1) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("@ID", chunks.get(0));
            pagedById("crm.deal.list", filter, dealFields()).forEach(row -> deals.add(deal(row)));
            return deals;
        }
        for (int from = 0; from < chunks.size(); from += MAX_BATCH) {
            List<List<Long>> group = chunks.subList(from, Math.min(chunks.size(), from + MAX_BATCH));
            Map<String, Object> commands = new LinkedHashMap<>();
            for (int i = 0; i < group.size(); i++) {
                commands.put("ids" + i, "crm.deal.list?" + listQuery(group.get(i)));
            }
            JsonNode answer = batch(commands);
            for (int i = 0; i < group.size(); i++) {
                JsonNode error = answer.path("result_error").path("ids" + i);
                if (error.isObject()) {
                    throw new CrmException("Bitrix24 refused crm.deal.list for deals " + group.get(i).get(0) + ".."
                            + group.get(i).get(group.get(i).size() - 1) + ": " + Bitrix24Values.text(error, "error")
                            + " " + Bitrix24Values.text(error, "error_description"));
                }
                JsonNode rows = answer.path("result").path("ids" + i);
                if (!rows.isArray()) {
                    throw new CrmException("Bitrix24 answered crm.deal.list in a batch without a list for deals "
                            + group.get(i).get(0) + ".." + group.get(i).get(group.get(i).size() - 1));
                }
                rows.forEach(row -> deals.add(deal(row)));
            }
        }
        return deals;
    }

    /** A {@code crm.deal.list} of these ids as a batch command's query: brackets encoded, the fast way. */
    private String listQuery(List<Long> ids) {
        StringBuilder query = new StringBuilder("start=-1&").append(encode("order[ID]")).append("=ASC");
        ids.forEach(id -> query.append('&').append(encode("filter[@ID][]")).append('=').append(id));
        dealFields().forEach(field -> query.append('&').append(encode("select[]")).append('=').append(encode(field)));
        return query.toString();
    }

    /**
     * One {@code batch} of {@code crm.deal.update} commands, without halting on an error, and without a feed entry per
     * deal. Bitrix24 answers a batch with 200 and puts each command's error in {@code result_error}
     * (settings/how-to-call-rest-api/batch.md). A deal the portal no longer has ("Not found") comes back as rejected:
     * there is nothing to move. Any other refusal of a command (no permission, a limit) fails the whole call, naming
     * the deals, so the batch's job is retried and ends in an incident that names them; the ledger records none of
     * the batch meanwhile, and the commands that did go through are sent again, which is harmless.
     */
    @Override
    public ReassignResult reassign(List<Reassignment> batch) {
        if (batch.isEmpty()) {
            return ReassignResult.allWritten();
        }
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " reassignments per batch, not " + batch.size());
        }
        Map<String, Object> commands = new LinkedHashMap<>();
        for (Reassignment move : batch) {
            commands.put(commandKey(move.dealId()), "crm.deal.update?" + query(move)
                    + (properties.hasAuthConnector() ? "&auth_connector=" + encode(properties.authConnector()) : ""));
        }
        JsonNode answer = batch(commands);
        // An empty PHP array comes as [] where an object is documented (batch.md); path() on [] finds no key either.
        JsonNode results = answer.path("result");
        JsonNode errors = answer.path("result_error");
        Map<Long, String> rejected = new TreeMap<>();
        Map<Long, String> failed = new TreeMap<>();
        boolean limited = false;
        for (Reassignment move : batch) {
            String key = commandKey(move.dealId());
            JsonNode error = errors.path(key);
            if (error.isObject()) {
                String code = Bitrix24Values.text(error, "error");
                String description = Bitrix24Values.text(error, "error_description");
                String reason = code.isEmpty() ? description : description.isEmpty() ? code : code + ": " + description;
                if (description.equalsIgnoreCase("Not found")) {
                    rejected.put(move.dealId(), "Bitrix24: " + reason);
                } else {
                    limited |= code.equals(Bitrix24ErrorDecoder.QUERY_LIMIT_EXCEEDED)
                            || code.equals(Bitrix24ErrorDecoder.OPERATION_TIME_LIMIT);
                    failed.put(move.dealId(), reason);
                }
            } else if (!results.path(key).asBoolean(false)) {
                failed.put(move.dealId(), "no answer for this command");
            }
        }
        if (!failed.isEmpty()) {
            String message = "Bitrix24 did not reassign " + describe(failed) + " (of a batch of " + batch.size() + ")";
            if (limited) {
                throw new CrmRateLimitedException(message, Bitrix24ErrorDecoder.DEFAULT_RETRY_AFTER);
            }
            if (failed.values().stream().allMatch("no answer for this command"::equals)) {
                throw new CrmUnavailableException(message);
            }
            throw new CrmRejectedException(message, List.of());
        }
        return new ReassignResult(rejected);
    }

    /**
     * Each user's work day from {@code timeman.status} (api-reference/timeman/base/timeman-status.md), 50 users to a
     * {@code batch}. A user the portal does not know is left out; a portal that refuses the method (no {@code timeman}
     * scope) fails the call, saying so.
     */
    @Override
    public Map<Long, WorkDay> workDays(Collection<Long> userIds) {
        List<Long> ids = userIds.stream().distinct().sorted().toList();
        Map<Long, WorkDay> days = new TreeMap<>();
        for (int from = 0; from < ids.size(); from += MAX_BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_BATCH));
            Map<String, Object> commands = new LinkedHashMap<>();
            chunk.forEach(id -> commands.put("user" + id, "timeman.status?USER_ID=" + id));
            JsonNode answer = batch(commands);
            for (long id : chunk) {
                JsonNode error = answer.path("result_error").path("user" + id);
                if (error.isObject()) {
                    String code = Bitrix24Values.text(error, "error");
                    if (!code.isEmpty()) {
                        throw new CrmException("Bitrix24 refused timeman.status for user " + id + ": " + code + " "
                                + Bitrix24Values.text(error, "error_description")
                                + " (the webhook or application needs the timeman scope)");
                    }
                    continue;
                }
                JsonNode status = answer.path("result").path("user" + id);
                if (status.isObject()) {
                    String value = Bitrix24Values.text(status, "STATUS");
                    try {
                        days.put(id, WorkDay.valueOf(value));
                    } catch (IllegalArgumentException e) {
                        throw new CrmException("Bitrix24 sent STATUS=" + status.path("STATUS") + " for the work day of"
                                + " user " + id + " where OPENED, PAUSED, CLOSED or EXPIRED belongs");
                    }
                }
            }
        }
        return days;
    }

    /**
     * The next offline events (api-reference/events/offline-events.md): {@code event.offline.get} with {@code clear=0},
     * which hides the events it returns under a {@code process_id} instead of deleting them, and gives them again when
     * asked with that {@code process_id}. Several changes of one deal are one event there. Only deal events become
     * changes; the batch is acknowledged whole all the same.
     */
    @Override
    public Optional<DealChangeBatch> pendingDealChanges(String unfinishedBatchId) {
        if (!properties.offlineEvents()) {
            return Optional.empty();
        }
        if (!offlineEventsBound) {
            bindOfflineEvents();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("clear", 0);
        params.put("limit", Bitrix24Properties.PAGE_SIZE);
        if (unfinishedBatchId != null) {
            params.put("process_id", unfinishedBatchId);
        }
        JsonNode answer = calls.call("event.offline.get", params);
        JsonNode result = answer.path("result");
        JsonNode events = result.path("events");
        String processId = result.path("process_id").isTextual() ? result.path("process_id").asText() : null;
        if (!events.isArray() || events.isEmpty() || processId == null) {
            return Optional.empty();
        }
        List<CrmDealChange> changes = new ArrayList<>();
        for (JsonNode event : events) {
            CrmDealChange.Kind kind = switch (Bitrix24Values.text(event, "EVENT_NAME").toUpperCase(Locale.ROOT)) {
                case "ONCRMDEALADD" -> CrmDealChange.Kind.ADDED;
                case "ONCRMDEALUPDATE" -> CrmDealChange.Kind.UPDATED;
                case "ONCRMDEALDELETE" -> CrmDealChange.Kind.DELETED;
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            long dealId = Bitrix24Values.id(event.path("EVENT_DATA").path("FIELDS"), "ID");
            changes.add(new CrmDealChange(kind, dealId, null, null, null, null, null, null, null, null, List.of(), null,
                    Bitrix24Values.instant(event, "TIMESTAMP_X")));
        }
        return Optional.of(new DealChangeBatch(processId, changes, answer.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Makes sure the portal keeps the deal events ShiftRelay reads, once per start: {@code event.get} lists what the
     * application has bound, and each deal event not bound offline yet is bound with {@code event.bind}
     * ({@code event_type=offline}, no handler, and ShiftRelay's {@code auth_connector} so that its own writes stay
     * out; api-reference/events/offline-events.md). Binding offline events takes an administrator's authorization
     * (event-bind.md); a portal that refuses says so in the error, and the next read tries again.
     */
    private void bindOfflineEvents() {
        Set<String> bound = new HashSet<>();
        for (JsonNode binding : calls.call("event.get", Map.of()).path("result")) {
            if (Bitrix24Values.flag(binding, "offline")) {
                bound.add(Bitrix24Values.text(binding, "event").toUpperCase(Locale.ROOT));
            }
        }
        for (String event : OFFLINE_DEAL_EVENTS) {
            if (!bound.contains(event)) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("event", event);
                params.put("event_type", "offline");
                if (properties.hasAuthConnector()) {
                    params.put("auth_connector", properties.authConnector());
                }
                calls.call("event.bind", params);
                log.info("Bound Bitrix24's offline event {}{}", event, properties.hasAuthConnector()
                        ? " with auth_connector " + properties.authConnector() : "");
            }
        }
        offlineEventsBound = true;
    }

    /** {@code event.offline.clear} with the batch's {@code process_id}: the portal deletes the events. */
    @Override
    public void acknowledgeDealChanges(String batchId) {
        calls.call("event.offline.clear", Map.of("process_id", batchId));
    }

    /**
     * {@code crm.duplicate.findbycomm} (api-reference/crm/duplicates/crm-duplicate-find-by-comm.md) names the contacts
     * with the number ({@code result.CONTACT}; {@code []} when none); {@code crm.contact.list} gives their names and
     * responsibles, {@code crm.deal.list} by {@code CONTACT_ID} their deals.
     */
    @Override
    public List<CrmClient> clientsByPhone(String number) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("entity_type", "CONTACT");
        params.put("type", "PHONE");
        params.put("values", List.of(number));
        JsonNode found = calls.call("crm.duplicate.findbycomm", params).path("result");
        List<Long> contactIds = found.isObject() ? Bitrix24Values.ids(found, "CONTACT") : List.of();
        if (contactIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("@ID", contactIds);
        List<CrmClient> clients = new ArrayList<>();
        for (JsonNode contact : pagedById("crm.contact.list", filter, List.of("ID", "NAME", "LAST_NAME",
                "ASSIGNED_BY_ID"))) {
            long id = Bitrix24Values.id(contact, "ID");
            Map<String, Object> byContact = new LinkedHashMap<>();
            byContact.put("CONTACT_ID", id);
            List<Long> deals = pagedById("crm.deal.list", byContact, List.of("ID")).stream()
                    .map(deal -> Bitrix24Values.id(deal, "ID")).toList();
            String name = (Bitrix24Values.text(contact, "NAME") + " " + Bitrix24Values.text(contact, "LAST_NAME")).strip();
            long responsible = Bitrix24Values.idOrZero(contact, "ASSIGNED_BY_ID");
            clients.add(new CrmClient(id, name, responsible > 0 ? responsible : null, deals));
        }
        return clients;
    }

    /**
     * {@code tasks.task.list} filtered by the responsible, the CRM binding and the title (filters the method documents:
     * api-reference/tasks/tasks-task-list.md), and among the tasks not completed (status 5) the one with this
     * description and deadline. Its answer's keys are camelCase ({@code id}, {@code description}, {@code deadline}).
     */
    @Override
    public Optional<Long> findTask(CrmTaskRequest task) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("RESPONSIBLE_ID", task.responsibleId());
        binding(task).ifPresent(binding -> filter.put("UF_CRM_TASK", binding));
        filter.put("TITLE", task.title());
        JsonNode answer = calls.call("tasks.task.list", Map.of("filter", filter,
                "select", List.of("ID", "TITLE", "DESCRIPTION", "DEADLINE", "STATUS", "RESPONSIBLE_ID")));
        JsonNode tasks = answer.path("result").path("tasks");
        if (!tasks.isArray()) {
            throw new CrmException("Bitrix24 answered tasks.task.list without result.tasks: " + answer);
        }
        Optional<Long> found = Optional.empty();
        for (JsonNode row : tasks) {
            boolean same = task.text().equals(Bitrix24Values.text(row, "description"))
                    && !"5".equals(Bitrix24Values.text(row, "status"))
                    && task.deadline().truncatedTo(ChronoUnit.SECONDS)
                    .equals(Bitrix24Values.instantOrNull(row.path("deadline")));
            long id = Bitrix24Values.id(row, "id");
            if (same && (found.isEmpty() || id < found.get())) {
                found = Optional.of(id);
            }
        }
        return found;
    }

    /**
     * {@code tasks.task.add} with the task bound to the deal ({@code UF_CRM_TASK: ["D_<id>"]}) or the contact
     * ({@code C_<id>}); its answer is {@code result.task.id}. Bitrix24 keeps no request key, so a failure whose outcome is unknown
     * is not tried again here: the caller looks the task up ({@link #findTask}) before it asks again.
     */
    @Override
    public long createTask(CrmTaskRequest task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("TITLE", task.title());
        fields.put("DESCRIPTION", task.text());
        fields.put("RESPONSIBLE_ID", task.responsibleId());
        fields.put("DEADLINE", FILTER_TIME.format(task.deadline().atOffset(ZoneOffset.UTC)));
        binding(task).ifPresent(binding -> fields.put("UF_CRM_TASK", List.of(binding)));
        JsonNode answer = calls.callOnce("tasks.task.add", Map.of("fields", fields));
        return Bitrix24Values.id(answer.path("result").path("task"), "id");
    }

    /** The task's CRM binding: {@code D_<deal>}, {@code C_<contact>}, or none for a caller the CRM does not know. */
    private static Optional<String> binding(CrmTaskRequest task) {
        return task.dealId() != null ? Optional.of("D_" + task.dealId())
                : task.contactId() != null ? Optional.of("C_" + task.contactId()) : Optional.empty();
    }

    /** {@code task.commentitem.add}: Bitrix24's tasks have comments of their own. */
    @Override
    public void commentOnTask(long taskId, Long dealId, String taskText, String comment) {
        // Made once, like every write that adds something: a retry after an answer that did not arrive adds it twice.
        calls.callOnce("task.commentitem.add", Map.of("TASKID", taskId, "FIELDS", Map.of("POST_MESSAGE", comment)));
    }

    /** The result as the task's last comment, then {@code tasks.task.complete}. */
    @Override
    public void completeTask(long taskId, String result) {
        commentOnTask(taskId, null, null, result);
        calls.call("tasks.task.complete", Map.of("taskId", taskId));
    }

    @Override
    public void reassignTask(long taskId, long responsibleId) {
        calls.call("tasks.task.update", Map.of("taskId", taskId, "fields", Map.of("RESPONSIBLE_ID", responsibleId)));
    }

    /** {@code crm.timeline.comment.add}: a comment in the deal's timeline. */
    @Override
    public void addDealNote(long dealId, String text) {
        calls.callOnce("crm.timeline.comment.add", Map.of("fields", Map.of("ENTITY_ID", dealId, "ENTITY_TYPE", "deal",
                "COMMENT", text)));
    }

    @Override
    public boolean notifiesUsers() {
        return true;
    }

    /**
     * {@code im.notify.personal.add} (api-reference/chats/notifications/im-notify-personal-add.md): a notification from
     * the webhook's or application's user. Its answer is the notification's id, or {@code false} when the portal made
     * none.
     */
    @Override
    public OptionalLong notifyUser(long userId, String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("USER_ID", userId);
        params.put("MESSAGE", message);
        JsonNode answer = calls.call("im.notify.personal.add", params);
        JsonNode result = answer.path("result");
        if (result.isBoolean() && !result.booleanValue()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Bitrix24Values.id(answer, "result"));
    }

    /** {@code im.notify.delete} by the notification's id, which works for a webhook too (a tag would need a client id). */
    @Override
    public void withdrawNotification(long notificationId) {
        calls.call("im.notify.delete", Map.of("ID", notificationId));
    }

    /**
     * Calls, e-mails, open-line chats and tasks touched since {@code from}, each as the activity of the user who acted:
     * the last editor, else the author, else the responsible. A missed incoming call (not completed) is nobody's
     * activity. Read by {@code LAST_UPDATED}, so a call or task that is completed later counts again then; the id
     * carries the update time for that reason.
     */
    @Override
    public List<CrmActivity> activitySince(Instant from) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put(">=LAST_UPDATED", from.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(FILTER_TIME));
        List<CrmActivity> activities = new ArrayList<>();
        for (JsonNode row : pagedById("crm.activity.list", filter, ACTIVITY_FIELDS)) {
            Optional<ActivityType> type = activityType(row);
            long userId = actor(row);
            if (type.isEmpty() || userId == 0) {
                continue;
            }
            Instant at = Bitrix24Values.instant(row, "LAST_UPDATED");
            activities.add(new CrmActivity("activity:" + Bitrix24Values.id(row, "ID") + ":" + at.getEpochSecond(),
                    userId, type.get(), at));
        }
        return activities;
    }

    private static Optional<ActivityType> activityType(JsonNode row) {
        long type = Bitrix24Values.idOrZero(row, "TYPE_ID");
        boolean incoming = Bitrix24Values.idOrZero(row, "DIRECTION") == INCOMING;
        boolean completed = Bitrix24Values.flag(row, "COMPLETED");
        if (OPEN_LINE_CHAT.equals(Bitrix24Values.text(row, "PROVIDER_ID"))) {
            return Optional.of(incoming ? ActivityType.INCOMING_CHAT_MESSAGE : ActivityType.OUTGOING_CHAT_MESSAGE);
        }
        if (type == CALL) {
            if (incoming && !completed) {
                return Optional.empty();
            }
            return Optional.of(incoming ? ActivityType.INCOMING_CALL : ActivityType.OUTGOING_CALL);
        }
        if (type == EMAIL) {
            return incoming ? Optional.empty() : Optional.of(ActivityType.EMAIL_SENT);
        }
        if (type == TASK || Bitrix24Values.text(row, "PROVIDER_ID").equals("CRM_TODO")) {
            return Optional.of(completed ? ActivityType.TASK_COMPLETED : ActivityType.NOTE_ADDED);
        }
        return Optional.empty();
    }

    private static long actor(JsonNode row) {
        for (String field : List.of("EDITOR_ID", "AUTHOR_ID", "RESPONSIBLE_ID")) {
            long id = Bitrix24Values.idOrZero(row, field);
            if (id != 0) {
                return id;
            }
        }
        return 0;
    }

    private CrmDeal deal(JsonNode row) {
        long id = Bitrix24Values.id(row, "ID");
        String semantic = Bitrix24Values.text(row, "STAGE_SEMANTIC_ID");
        long statusId = switch (semantic) {
            case WON -> CrmDeal.STATUS_WON;
            case LOST -> CrmDeal.STATUS_LOST;
            // Bitrix24's open stages have string ids ("C1:NEW"): the rules see them as the deal's stage, not as a number.
            case IN_PROGRESS -> 0;
            default -> throw new CrmException("Bitrix24 sent STAGE_SEMANTIC_ID=" + row.path("STAGE_SEMANTIC_ID")
                    + " for deal " + id + " where P, S or F belongs");
        };
        boolean pinned = properties.hasPinnedField() && Bitrix24Values.flag(row, properties.pinnedField());
        return new CrmDeal(id, Bitrix24Values.text(row, "TITLE"), Bitrix24Values.idOrZero(row, "ASSIGNED_BY_ID"),
                Bitrix24Values.idOrZero(row, "CATEGORY_ID"), statusId, pinned ? Set.of(pinnedFlagId) : Set.of(),
                Bitrix24Values.instant(row, "DATE_CREATE"), Bitrix24Values.amount(row, "OPPORTUNITY"), List.of(),
                Bitrix24Values.idOrZero(row, "CREATED_BY_ID"), Bitrix24Values.text(row, "STAGE_ID"));
    }

    private List<String> dealFields() {
        if (!properties.hasPinnedField()) {
            return DEAL_FIELDS;
        }
        List<String> fields = new ArrayList<>(DEAL_FIELDS);
        fields.add(properties.pinnedField());
        return fields;
    }

    /** Every row of a list method, page by page by {@code ID > last} with {@code start=-1}. */
    private List<JsonNode> pagedById(String method, Map<String, Object> filter, List<String> select) {
        return pagedById(method, filter, select, Integer.MAX_VALUE);
    }

    /** As {@link #pagedById(String, Map, List)}, at most {@code pages} pages; the filter's {@code >ID} is the start. */
    private List<JsonNode> pagedById(String method, Map<String, Object> filter, List<String> select, int pages) {
        List<JsonNode> rows = new ArrayList<>();
        long lastId = filter.get(">ID") instanceof Long start ? start : 0;
        int read = 0;
        while (true) {
            Map<String, Object> pageFilter = new LinkedHashMap<>(filter);
            pageFilter.put(">ID", lastId);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("filter", pageFilter);
            params.put("order", Map.of("ID", "ASC"));
            params.put("select", select);
            params.put("start", -1);
            JsonNode page = resultList(method, calls.call(method, params));
            for (JsonNode row : page) {
                long id = Bitrix24Values.id(row, "ID");
                if (id <= lastId) {
                    throw new CrmException("Bitrix24 answered " + method + " for IDs above " + lastId + " with ID " + id
                            + ": the list would never end");
                }
                lastId = id;
                rows.add(row);
            }
            if (page.size() < Bitrix24Properties.PAGE_SIZE || ++read >= pages) {
                return rows;
            }
        }
    }

    /**
     * Every open deal of the filter the fast way, with the pages after the first chained in {@code batch}es: command k
     * asks for IDs above the last one of command k-1 by reference, {@code $result[page<k-1>][49][ID]}
     * (settings/how-to-call-rest-api/batch.md, "Using Results"), so one request reads up to 2,500 deals instead of 50;
     * a manager's 10,000 deals are 5 requests, not 201, at the portal's 2 a second. The pages are taken in order up to
     * the first that is not full; what the commands after it answered (their reference points at nothing) is not
     * read. Should a chained batch fail in any other way, the rest is read page by page as before.
     */
    private List<JsonNode> dealPagesChained(Map<String, Object> filter) {
        List<JsonNode> rows = new ArrayList<>(pagedById("crm.deal.list", filter, dealFields(), 1));
        if (rows.size() < Bitrix24Properties.PAGE_SIZE) {
            return rows;
        }
        while (true) {
            long lastId = Bitrix24Values.id(rows.get(rows.size() - 1), "ID");
            Map<String, Object> commands = new LinkedHashMap<>();
            for (int k = 0; k < MAX_BATCH; k++) {
                commands.put("page" + k, "crm.deal.list?" + pageQuery(filter,
                        k == 0 ? String.valueOf(lastId) : "$result[page" + (k - 1) + "][" + (Bitrix24Properties.PAGE_SIZE - 1)
                                + "][ID]"));
            }
            JsonNode answer = batch(commands);
            for (int k = 0; k < MAX_BATCH; k++) {
                JsonNode page = answer.path("result").path("page" + k);
                if (!page.isArray() || answer.path("result_error").path("page" + k).isObject()) {
                    // Not what a chain of full pages gives: the rest the plain way, from the last deal read.
                    Map<String, Object> rest = new LinkedHashMap<>(filter);
                    rest.put(">ID", Bitrix24Values.id(rows.get(rows.size() - 1), "ID"));
                    rows.addAll(pagedById("crm.deal.list", rest, dealFields(), Integer.MAX_VALUE));
                    return rows;
                }
                long previous = Bitrix24Values.id(rows.get(rows.size() - 1), "ID");
                for (JsonNode row : page) {
                    if (Bitrix24Values.id(row, "ID") <= previous) {
                        throw new CrmException("Bitrix24 answered a chained crm.deal.list for IDs above " + previous
                                + " with ID " + Bitrix24Values.id(row, "ID") + ": the list would never end");
                    }
                    previous = Bitrix24Values.id(row, "ID");
                    rows.add(row);
                }
                if (page.size() < Bitrix24Properties.PAGE_SIZE) {
                    return rows;
                }
            }
        }
    }

    /** A {@code crm.deal.list} command's query, the fast way, for IDs above {@code idAbove} (a number or a reference). */
    private String pageQuery(Map<String, Object> filter, String idAbove) {
        StringBuilder query = new StringBuilder("start=-1&").append(encode("order[ID]")).append("=ASC");
        filter.forEach((field, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach(item -> query.append('&').append(encode("filter[" + field + "][]")).append('=')
                        .append(encode(String.valueOf(item))));
            } else {
                query.append('&').append(encode("filter[" + field + "]")).append('=').append(encode(String.valueOf(value)));
            }
        });
        // The reference stays as it is: the portal reads it in the command, not in the request's own encoding.
        query.append('&').append(encode("filter[>ID]")).append('=').append(idAbove);
        dealFields().forEach(field -> query.append('&').append(encode("select[]")).append('=').append(encode(field)));
        return query.toString();
    }

    /** Every row of a short list method, page by page by the {@code next} each answer gives. */
    private List<JsonNode> pagedByNext(String method, Map<String, Object> params) {
        List<JsonNode> rows = new ArrayList<>();
        long start = 0;
        while (true) {
            Map<String, Object> page = new LinkedHashMap<>(params);
            page.put("start", start);
            JsonNode answer = calls.call(method, page);
            resultList(method, answer).forEach(rows::add);
            JsonNode next = answer.path("next");
            if (next.isMissingNode() || next.isNull()) {
                return rows;
            }
            long following = Bitrix24Values.id(answer, "next");
            if (following <= start) {
                throw new CrmException("Bitrix24 answered " + method + " from " + start + " with next=" + following);
            }
            start = following;
        }
    }

    private static JsonNode resultList(String method, JsonNode answer) {
        JsonNode result = answer == null ? null : answer.get("result");
        if (result == null || !result.isArray()) {
            throw new CrmException("Bitrix24 answered " + method + " without a list in result");
        }
        return result;
    }

    /** One {@code batch} of commands that all run, whatever fails: its {@code result} and {@code result_error}. */
    private JsonNode batch(Map<String, Object> commands) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("halt", 0);
        params.put("cmd", commands);
        return calls.call("batch", params).path("result");
    }

    private static String commandKey(long dealId) {
        return "deal" + dealId;
    }

    /** The command's parameters as Bitrix24 reads a sub-request: a query string, brackets encoded. */
    private static String query(Reassignment move) {
        return "id=" + move.dealId()
                + "&" + encode("fields[ASSIGNED_BY_ID]") + "=" + move.responsibleId()
                + "&" + encode("params[REGISTER_SONET_EVENT]") + "=N";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String describe(Map<Long, String> failures) {
        StringBuilder text = new StringBuilder();
        failures.forEach((deal, reason) -> text.append(text.isEmpty() ? "" : "; ").append("deal ").append(deal)
                .append(": ").append(reason));
        return text.toString();
    }
}

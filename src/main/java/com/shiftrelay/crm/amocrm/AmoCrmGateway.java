package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmClient;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTaskRequest;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUser;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import feign.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The CRM port over amoCRM's REST API v4 (and over the embedded sandbox, which speaks the same API). */
final class AmoCrmGateway implements CrmGateway {

    // Deals are read by id in chunks of properties.idsPerRequest(), a page each. Responsibles stay at 50 a query:
    // their deals are paged anyway, so bigger chunks would save no request for a team, and amoCRM documents no
    // cap for that filter.
    static final int RESPONSIBLES_PER_REQUEST = 50;
    // A first request, and a re-send after each refusal that names items: two refused items of one batch are
    // rare, three in a row suggest the CRM refuses whatever is sent.
    static final int REQUESTS_PER_BATCH = 3;

    private static final List<String> ACTIVITY_TYPES =
            Arrays.stream(ActivityType.values()).map(ActivityType::amoCrmType).filter(Objects::nonNull).toList();

    /** tasks-api's task type of a call. */
    static final int CALL_TASK = 1;

    private final AmoCrmApi api;
    private final AmoCrmCalls calls;
    private final AmoCrmProperties properties;

    AmoCrmGateway(AmoCrmApi api, AmoCrmCalls calls, AmoCrmProperties properties) {
        this.api = api;
        this.calls = calls;
        this.properties = properties;
    }

    @Override
    public CrmDirectory directory() {
        AmoCrmApi.Account account = calls.call(options -> api.account("users_groups", options));
        List<CrmTeam> teams = Optional.ofNullable(account.embedded())
                .map(AmoCrmApi.AccountEmbedded::usersGroups).orElse(List.of()).stream()
                .map(group -> new CrmTeam(group.id(), group.name()))
                .toList();
        List<CrmUser> users = readAll((page, options) -> api.users(page, properties.pageSize(), options),
                AmoCrmApi.Users::users).stream().map(AmoCrmGateway::user).toList();
        return new CrmDirectory(users, teams);
    }

    @Override
    public List<CrmDeal> dealsOf(Collection<Long> responsibleIds, Collection<Long> pipelineIds) {
        List<CrmDeal> deals = new ArrayList<>();
        for (List<Long> chunk : chunks(responsibleIds, RESPONSIBLES_PER_REQUEST)) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("filter[responsible_user_id][]", chunk);
            if (!pipelineIds.isEmpty()) {
                filter.put("filter[pipeline_id][]", List.copyOf(pipelineIds));
            }
            deals.addAll(leads(filter));
        }
        return deals;
    }

    @Override
    public List<CrmDeal> deals(Collection<Long> dealIds) {
        List<CrmDeal> deals = new ArrayList<>();
        for (List<Long> chunk : chunks(dealIds, properties.idsPerRequest())) {
            deals.addAll(leads(Map.of("filter[id][]", chunk)));
        }
        return deals;
    }

    /**
     * amoCRM checks a batch item by item and names the items it refuses by {@code request_id}, which is the item's
     * index in the array sent when the caller sends none (ShiftRelay sends none). Those deals are recorded with
     * amoCRM's reason and the rest of the batch is sent again: whether amoCRM applied them along with the refusal
     * is not documented, and setting the same responsible twice is harmless. A refusal that names no item, or an
     * index that was not sent, cannot be pinned on a deal, so it becomes the reason of every deal still unwritten.
     */
    @Override
    public ReassignResult reassign(List<Reassignment> batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " deals per request, got " + batch.size());
        }
        Map<Long, String> rejected = new LinkedHashMap<>();
        List<Reassignment> unwritten = batch;
        for (int request = 1; !unwritten.isEmpty(); request++) {
            List<Reassignment> sent = unwritten;
            try {
                List<AmoCrmApi.LeadUpdate> updates = sent.stream()
                        .map(move -> new AmoCrmApi.LeadUpdate(move.dealId(), move.responsibleId()))
                        .toList();
                calls.run(options -> api.updateLeads(updates, options));
                return new ReassignResult(rejected);
            } catch (AmoCrmRejection rejection) {
                Optional<Map<Integer, String>> named = itemsNamed(rejection, sent.size());
                if (named.isEmpty()) {
                    String reason = "amoCRM refused the batch without naming this deal: " + rejection.getMessage();
                    sent.forEach(move -> rejected.put(move.dealId(), reason));
                    return new ReassignResult(rejected);
                }
                named.get().forEach((index, reason) -> rejected.put(sent.get(index).dealId(), reason));
                unwritten = IntStream.range(0, sent.size()).filter(index -> !named.get().containsKey(index))
                        .mapToObj(sent::get).toList();
                if (request == REQUESTS_PER_BATCH) {
                    String reason = "not written: amoCRM refused the batch " + REQUESTS_PER_BATCH
                            + " times in a row, each time over other deals";
                    unwritten.forEach(move -> rejected.put(move.dealId(), reason));
                    return new ReassignResult(rejected);
                }
            }
        }
        return new ReassignResult(rejected);
    }

    /**
     * contacts-api's search by the number's digits ({@code query}), each contact with its deals ({@code with=leads});
     * 204 is nobody. amoCRM's search matches any field, so a contact is the client only if its number ends the same.
     */
    @Override
    public List<CrmClient> clientsByPhone(String number) {
        AmoCrmApi.Page<AmoCrmApi.Contacts> page = calls.call(options -> api.contacts(number, "leads", options));
        if (page == null || page.embedded() == null || page.embedded().contacts() == null) {
            return List.of();
        }
        return page.embedded().contacts().stream().filter(contact -> hasNumber(contact, number))
                .map(contact -> new CrmClient(contact.id(), contact.name(),
                contact.responsibleUserId(), contact.embedded() == null || contact.embedded().leads() == null
                        ? List.of() : contact.embedded().leads().stream().map(AmoCrmApi.LeadRef::id).toList()))
                .toList();
    }

    /** Whether one of the contact's PHONE values is the number, however it was written (the last 10 digits agree). */
    private static boolean hasNumber(AmoCrmApi.Contact contact, String number) {
        String wanted = number.length() > 10 ? number.substring(number.length() - 10) : number;
        return contact.customFieldsValues() != null && contact.customFieldsValues().stream()
                .filter(field -> "PHONE".equals(field.fieldCode()) && field.values() != null)
                .flatMap(field -> field.values().stream())
                .map(value -> String.valueOf(value.value()).replaceAll("\\D", ""))
                .anyMatch(digits -> digits.endsWith(wanted));
    }

    /**
     * tasks-api: the open tasks of the responsible on the deal (or contact), and among them the one with this text and
     * deadline. amoCRM only echoes a request_id, it does not refuse a second task with the same one.
     */
    @Override
    public Optional<Long> findTask(CrmTaskRequest task) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (task.dealId() != null || task.contactId() != null) {
            query.put("filter[entity_type]", task.dealId() != null ? "leads" : "contacts");
            query.put("filter[entity_id][]", List.of(task.dealId() != null ? task.dealId() : task.contactId()));
        }
        query.put("filter[responsible_user_id][]", List.of(task.responsibleId()));
        query.put("filter[is_completed]", 0);
        query.put("limit", 250);
        AmoCrmApi.Page<AmoCrmApi.Tasks> page = calls.call(options -> api.tasks(query, options));
        if (page == null || page.embedded() == null || page.embedded().tasks() == null) {
            return Optional.empty();
        }
        String text = task.title() + "\n" + task.text();
        return page.embedded().tasks().stream()
                .filter(found -> !found.isCompleted() && text.equals(found.text())
                        && found.completeTill() == task.deadline().getEpochSecond())
                .map(AmoCrmApi.Task::id).min(Long::compare);
    }

    /** tasks-api: a call task ({@code task_type_id} 1) on the deal, or on the contact without one, or on nothing. */
    @Override
    public long createTask(CrmTaskRequest task) {
        AmoCrmApi.NewTask created = new AmoCrmApi.NewTask(task.title() + "\n" + task.text(),
                task.deadline().getEpochSecond(), task.dealId() != null ? task.dealId() : task.contactId(),
                task.dealId() != null ? "leads" : task.contactId() != null ? "contacts" : null, task.responsibleId(),
                CALL_TASK, task.requestKey());
        // Made once: amoCRM may have created the task when its answer did not arrive; the caller looks it up.
        AmoCrmApi.Created<AmoCrmApi.CreatedTasks> answer = calls.callOnce(options ->
                api.createTasks(List.of(created), options));
        if (answer == null || answer.embedded() == null || answer.embedded().tasks() == null
                || answer.embedded().tasks().isEmpty()) {
            throw new CrmException("amoCRM created the task " + task.requestKey() + " without saying its id");
        }
        return answer.embedded().tasks().get(0).id();
    }

    /** amoCRM's tasks have no comments: the comment is a note on the deal and is added to the task's text. */
    @Override
    public void commentOnTask(long taskId, Long dealId, String taskText, String comment) {
        if (dealId != null) {
            addDealNote(dealId, comment);
        }
        String text = taskText == null || taskText.isBlank() ? comment : taskText + "\n" + comment;
        calls.run(options -> api.updateTask(taskId, new AmoCrmApi.TaskUpdate(text, null, null, null), options));
    }

    @Override
    public void completeTask(long taskId, String result) {
        calls.run(options -> api.updateTask(taskId, new AmoCrmApi.TaskUpdate(null, null, true,
                new AmoCrmApi.TaskResult(result)), options));
    }

    @Override
    public void reassignTask(long taskId, long responsibleId) {
        calls.run(options -> api.updateTask(taskId, new AmoCrmApi.TaskUpdate(null, responsibleId, null, null),
                options));
    }

    /** notes-api: a {@code common} note on the lead. */
    @Override
    public void addDealNote(long dealId, String text) {
        // Made once: a retry after an answer that did not arrive would add the note twice.
        calls.runOnce(options -> api.addNotes(List.of(new AmoCrmApi.NewNote(dealId, "common",
                new AmoCrmApi.NoteParams(text))), options));
    }

    @Override
    public List<CrmActivity> activitySince(Instant from) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter[created_at][from]", from.getEpochSecond());
        query.put("filter[type][]", ACTIVITY_TYPES);
        query.put("limit", properties.eventsPageSize());
        return readAll((page, options) -> api.events(withPage(query, page), options), AmoCrmApi.Events::events)
                .stream()
                // created_by 0 is amoCRM itself, a robot or an integration: no person was at the desk.
                .filter(event -> event.createdBy() != null && event.createdBy() != 0 && event.createdAt() != null)
                .flatMap(event -> ActivityType.fromAmoCrmType(event.type()).stream()
                        .map(type -> new CrmActivity(event.id(), event.createdBy(), type,
                                Instant.ofEpochSecond(event.createdAt()))))
                .toList();
    }

    private List<CrmDeal> leads(Map<String, Object> filter) {
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("limit", properties.pageSize());
        // A stable order keeps pages from shifting while deals are being reassigned.
        query.put("order[id]", "asc");
        return readAll((page, options) -> api.leads(withPage(query, page), options), AmoCrmApi.Leads::leads).stream()
                .filter(lead -> !Boolean.TRUE.equals(lead.isDeleted()))
                .map(AmoCrmGateway::deal)
                .toList();
    }

    /** Reads page after page while amoCRM links a next one; 204 (null) ends the list. */
    private <E, T> List<T> readAll(BiFunction<Integer, Request.Options, AmoCrmApi.Page<E>> request,
                                   Function<E, List<T>> items) {
        List<T> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            int number = page;
            AmoCrmApi.Page<E> answer = calls.call(options -> request.apply(number, options));
            if (answer == null) {
                return all;
            }
            if (answer.embedded() != null) {
                all.addAll(Objects.requireNonNullElse(items.apply(answer.embedded()), List.of()));
            }
            if (!answer.hasNext()) {
                return all;
            }
        }
    }

    private static Map<String, Object> withPage(Map<String, Object> query, int page) {
        Map<String, Object> paged = new LinkedHashMap<>(query);
        paged.put("page", page);
        return paged;
    }

    private static List<List<Long>> chunks(Collection<Long> ids, int size) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += size) {
            chunks.add(distinct.subList(from, Math.min(from + size, distinct.size())));
        }
        return chunks;
    }

    /**
     * The refusal's reasons by index of the item sent, or empty when it names no item or an index outside what was
     * sent: then it cannot be told which deal it means.
     */
    private static Optional<Map<Integer, String>> itemsNamed(AmoCrmRejection rejection, int sent) {
        Map<Integer, String> reasons = new TreeMap<>();
        for (AmoCrmApi.ValidationError item : rejection.validationErrors()) {
            Integer index = indexOf(item.requestId(), sent);
            if (index == null) {
                return Optional.empty();
            }
            reasons.merge(index, reasonOf(item, rejection), (first, second) -> first + "; " + second);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
    }

    private static Integer indexOf(String requestId, int sent) {
        try {
            int index = Integer.parseInt(String.valueOf(requestId).trim());
            return index >= 0 && index < sent ? index : null;
        } catch (NumberFormatException notAnIndex) {
            return null;
        }
    }

    /** amoCRM's words for one item, e.g. "NotSupportedChoice at responsible_user_id: The value ... is not valid." */
    private static String reasonOf(AmoCrmApi.ValidationError item, AmoCrmRejection rejection) {
        List<AmoCrmApi.FieldError> errors = Objects.requireNonNullElse(item.errors(), List.of());
        if (errors.isEmpty()) {
            return "amoCRM refused this deal without saying why: " + rejection.getMessage();
        }
        return errors.stream()
                .map(error -> error.code() + " at " + error.path()
                        + (error.detail() == null || error.detail().isBlank() ? "" : ": " + error.detail()))
                .collect(Collectors.joining("; "));
    }

    private static CrmUser user(AmoCrmApi.User user) {
        AmoCrmApi.Rights rights = user.rights();
        boolean active = rights == null || !Boolean.FALSE.equals(rights.isActive());
        return new CrmUser(user.id(), user.name(), user.email(), rights == null ? null : rights.groupId(), active);
    }

    private static CrmDeal deal(AmoCrmApi.Lead lead) {
        return new CrmDeal(lead.id(), lead.name(), orZero(lead.responsibleUserId()), orZero(lead.pipelineId()),
                orZero(lead.statusId()), checkedFlags(lead), lead.createdAt() == null ? null
                : Instant.ofEpochSecond(lead.createdAt()), orZero(lead.price()), tags(lead), orZero(lead.createdBy()));
    }

    private static List<String> tags(AmoCrmApi.Lead lead) {
        if (lead.embedded() == null || lead.embedded().tags() == null) {
            return List.of();
        }
        return lead.embedded().tags().stream().map(AmoCrmApi.Tag::name).filter(Objects::nonNull).toList();
    }

    private static Set<Long> checkedFlags(AmoCrmApi.Lead lead) {
        if (lead.customFieldsValues() == null) {
            return Set.of();
        }
        return lead.customFieldsValues().stream()
                // field_type is left out in some of amoCRM's own examples; a true value only comes from a checkbox
                .filter(field -> field.fieldType() == null || "checkbox".equals(field.fieldType()))
                .filter(field -> field.values() != null
                        && field.values().stream().anyMatch(v -> Boolean.TRUE.equals(v.value())))
                .map(AmoCrmApi.CustomFieldValue::fieldId)
                .collect(Collectors.toSet());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}

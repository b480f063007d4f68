package com.shiftrelay.crm.amocrm;

import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUser;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
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
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** The CRM port over amoCRM's REST API v4 (and over the embedded sandbox, which speaks the same API). */
final class AmoCrmGateway implements CrmGateway {

    // Long id lists make long URLs; 50 ids keep a leads query well under common URL limits.
    static final int IDS_PER_REQUEST = 50;

    private static final List<String> ACTIVITY_TYPES =
            Arrays.stream(ActivityType.values()).map(ActivityType::amoCrmType).toList();

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
        AmoCrmApi.Account account = calls.call(() -> api.account("users_groups"));
        List<CrmTeam> teams = Optional.ofNullable(account.embedded())
                .map(AmoCrmApi.AccountEmbedded::usersGroups).orElse(List.of()).stream()
                .map(group -> new CrmTeam(group.id(), group.name()))
                .toList();
        List<CrmUser> users = readAll(page -> api.users(page, properties.pageSize()), AmoCrmApi.Users::users)
                .stream().map(AmoCrmGateway::user).toList();
        return new CrmDirectory(users, teams);
    }

    @Override
    public List<CrmDeal> dealsOf(Collection<Long> responsibleIds, Collection<Long> pipelineIds) {
        List<CrmDeal> deals = new ArrayList<>();
        for (List<Long> chunk : chunks(responsibleIds)) {
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
        for (List<Long> chunk : chunks(dealIds)) {
            deals.addAll(leads(Map.of("filter[id][]", chunk)));
        }
        return deals;
    }

    @Override
    public ReassignResult reassign(List<Reassignment> batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " deals per request, got " + batch.size());
        }
        if (batch.isEmpty()) {
            return ReassignResult.allWritten();
        }
        List<AmoCrmApi.LeadUpdate> updates = batch.stream()
                .map(move -> new AmoCrmApi.LeadUpdate(move.dealId(), move.responsibleId()))
                .toList();
        try {
            calls.run(() -> api.updateLeads(updates));
        } catch (AmoCrmRejection rejection) {
            throw new CrmRejectedException(rejection.getMessage(), namingDeals(rejection, batch));
        }
        return ReassignResult.allWritten();
    }

    @Override
    public List<CrmActivity> activitySince(Instant from) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("filter[created_at][from]", from.getEpochSecond());
        query.put("filter[type][]", ACTIVITY_TYPES);
        query.put("limit", properties.eventsPageSize());
        return readAll(page -> api.events(withPage(query, page)), AmoCrmApi.Events::events).stream()
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
        return readAll(page -> api.leads(withPage(query, page)), AmoCrmApi.Leads::leads).stream()
                .filter(lead -> !Boolean.TRUE.equals(lead.isDeleted()))
                .map(AmoCrmGateway::deal)
                .toList();
    }

    /** Reads page after page while amoCRM links a next one; 204 (null) ends the list. */
    private <E, T> List<T> readAll(IntFunction<AmoCrmApi.Page<E>> request, Function<E, List<T>> items) {
        List<T> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            int number = page;
            AmoCrmApi.Page<E> answer = calls.call(() -> request.apply(number));
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

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().sorted().toList();
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_REQUEST) {
            chunks.add(distinct.subList(from, Math.min(from + IDS_PER_REQUEST, distinct.size())));
        }
        return chunks;
    }

    /** amoCRM's request_id is the item's index in the array sent, which maps back to the deal. */
    private static List<String> namingDeals(AmoCrmRejection rejection, List<Reassignment> batch) {
        if (rejection.validationErrors().isEmpty()) {
            String all = batch.stream().map(move -> String.valueOf(move.dealId())).collect(Collectors.joining(", "));
            return List.of("deals " + all + " rejected");
        }
        List<String> errors = new ArrayList<>();
        for (AmoCrmApi.ValidationError item : rejection.validationErrors()) {
            String deal = dealAt(item.requestId(), batch);
            List<AmoCrmApi.FieldError> fieldErrors = Objects.requireNonNullElse(item.errors(), List.of());
            if (fieldErrors.isEmpty()) {
                errors.add(deal + " rejected");
            }
            for (AmoCrmApi.FieldError error : fieldErrors) {
                errors.add(deal + ": " + error.path() + " " + error.code()
                        + (error.detail() == null ? "" : " (" + error.detail() + ")"));
            }
        }
        return errors;
    }

    private static String dealAt(String requestId, List<Reassignment> batch) {
        try {
            int index = Integer.parseInt(requestId);
            if (index >= 0 && index < batch.size()) {
                return "deal " + batch.get(index).dealId();
            }
        } catch (NumberFormatException ignored) {
            // fall through: name the request as amoCRM did
        }
        return "request " + requestId;
    }

    private static CrmUser user(AmoCrmApi.User user) {
        AmoCrmApi.Rights rights = user.rights();
        boolean active = rights == null || !Boolean.FALSE.equals(rights.isActive());
        return new CrmUser(user.id(), user.name(), user.email(), rights == null ? null : rights.groupId(), active);
    }

    private static CrmDeal deal(AmoCrmApi.Lead lead) {
        return new CrmDeal(lead.id(), lead.name(), orZero(lead.responsibleUserId()), orZero(lead.pipelineId()),
                orZero(lead.statusId()), checkedFlags(lead), lead.createdAt() == null ? null
                : Instant.ofEpochSecond(lead.createdAt()));
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

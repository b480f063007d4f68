package com.shiftrelay.crm.sandbox;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded sandbox CRM's data: what its amoCRM-compatible API serves, and what tests and the demo use to
 * set up and change the CRM as people working in it would.
 */
@Service
@ConditionalOnSandboxCrm
public class SandboxCrm {

    /** The statuses that close a deal in every amoCRM pipeline. */
    private static final Set<Long> CLOSED_STATUSES = Set.of(Lead.STATUS_WON, Lead.STATUS_LOST);

    private final SandboxGroups groups;
    private final SandboxUsers users;
    private final SandboxPipelines pipelines;
    private final SandboxLeads leads;
    private final SandboxTags tags;
    private final SandboxEvents events;
    private final SandboxProperties properties;
    private final SandboxOutage outage;
    private final Clock clock;

    SandboxCrm(SandboxGroups groups, SandboxUsers users, SandboxPipelines pipelines, SandboxLeads leads,
               SandboxTags tags, SandboxEvents events, SandboxProperties properties, SandboxOutage outage,
               ObjectProvider<Clock> clock) {
        this.groups = groups;
        this.users = users;
        this.pipelines = pipelines;
        this.leads = leads;
        this.tags = tags;
        this.events = events;
        this.properties = properties;
        this.outage = outage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Deletes all sandbox data (ids are not reused afterwards) and ends a simulated outage. */
    @Transactional
    public void reset() {
        outage.set(false);
        events.deleteAllInBatch();
        leads.deleteAllInBatch();
        tags.deleteAllInBatch();
        users.deleteAllInBatch();
        groups.deleteAllInBatch();
        pipelines.deleteAllInBatch();
    }

    /**
     * Deletes every deal and the whole event feed and ends a simulated outage; people, teams, pipelines and tags
     * stay, so ShiftRelay's managers still match the CRM's users.
     */
    @Transactional
    void clearDeals() {
        outage.set(false);
        events.deleteAllInBatch();
        leads.deleteAllInBatch();
    }

    /** Active users' ids by team, teams and users in id order; users without a team are left out. */
    @Transactional(readOnly = true)
    Map<Long, List<Long>> activeUserIdsByTeam() {
        Map<Long, List<Long>> byTeam = new TreeMap<>();
        for (User user : users.findAllByOrderByIdAsc()) {
            if (user.isActive() && user.getGroupId() != null) {
                byTeam.computeIfAbsent(user.getGroupId(), id -> new ArrayList<>()).add(user.getId());
            }
        }
        return byTeam;
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return users.count() == 0 && leads.count() == 0 && groups.count() == 0;
    }

    @Transactional
    public Long createTeam(String name) {
        return groups.save(new Group(name)).getId();
    }

    /** Creates an active user; the email's local part becomes the user's login in ShiftRelay. */
    @Transactional
    public Long createUser(String name, String email, Long teamId) {
        if (teamId != null && !groups.existsById(teamId)) {
            throw new SandboxNotFoundException("teamId", "No team " + teamId);
        }
        return users.save(new User(name, email, teamId)).getId();
    }

    /**
     * Simulates an outage of the CRM (or ends it): while it lasts every request to the sandbox's amoCRM API is
     * answered 503 with a problem document, before its token and rate checks. The data is untouched.
     */
    public void setOutage(boolean down) {
        outage.set(down);
    }

    /** An admin switching a user off (or on) in the CRM. */
    @Transactional
    public void setUserActive(long userId, boolean active) {
        user(userId).setActive(active);
    }

    @Transactional
    public void createPipeline(long id, String name) {
        pipelines.save(new Pipeline(id, name));
    }

    @Transactional
    public Long createLead(String name, long responsibleId, long pipelineId, long statusId, boolean pinned) {
        return saveLead(name, 0, responsibleId, pipelineId, statusId, pinned, List.of(), now()).getId();
    }

    /** The demo's deals: created as they are, with their own creation time. */
    @Transactional
    Long createDemoLead(String name, long price, long responsibleId, long pipelineId, long statusId, boolean pinned,
                        List<String> tagNames, Instant createdAt) {
        return saveLead(name, price, responsibleId, pipelineId, statusId, pinned, tagNames, createdAt).getId();
    }

    private Lead saveLead(String name, long price, long responsibleId, long pipelineId, long statusId, boolean pinned,
                          List<String> tagNames, Instant createdAt) {
        user(responsibleId);
        List<Tag> leadTags = tagNames.stream()
                .map(tagName -> tags.findByName(tagName).orElseGet(() -> tags.save(new Tag(tagName))))
                .toList();
        return leads.save(new Lead(name, price, responsibleId, pipelineId, statusId, pinned, leadTags, createdAt));
    }

    /**
     * Locks (or unlocks) the deal as an account rule in amoCRM would: {@code PATCH /leads} then refuses to change
     * its responsible, naming the item with {@code FieldNotEditable}. A person can still reassign it by hand.
     */
    @Transactional
    public void setLeadLocked(long leadId, boolean locked) {
        leadEntity(leadId).setLocked(locked);
    }

    /** Ticks or clears the deal's "pinned to its manager" checkbox. */
    @Transactional
    public void setPinned(long leadId, boolean pinned) {
        leadEntity(leadId).setPinned(pinned, now());
    }

    /** Moves the deal to a stage; 142 (won) and 143 (lost) close it. */
    @Transactional
    public void moveLeadToStatus(long leadId, long statusId) {
        leadEntity(leadId).moveToStatus(statusId, now());
    }

    /** Records that the user did something in the CRM just now (e.g. {@code "incoming_call"}). */
    @Transactional
    public SandboxEvent recordActivity(long userId, String amoCrmEventType, Long leadId) {
        return recordActivity(userId, amoCrmEventType, leadId, now());
    }

    /** As {@link #recordActivity(long, String, Long)}, at a given time (e.g. in the past). */
    @Transactional
    public SandboxEvent recordActivity(long userId, String amoCrmEventType, Long leadId, Instant at) {
        if (!AmoCrmEventTypes.ALL.contains(amoCrmEventType)) {
            throw new IllegalArgumentException("Not an amoCRM event type: " + amoCrmEventType);
        }
        user(userId);
        // amoCRM ties a call or a message to a deal; without one named, take the user's first open deal.
        Long entityId = leadId;
        if (entityId == null) {
            entityId = leads.findByResponsibleUserIdAndStatusIdNotInOrderByIdAsc(userId, CLOSED_STATUSES).stream()
                    .findFirst().map(Lead::getId).orElse(null);
        } else {
            leadEntity(entityId);
        }
        return SandboxEvent.of(events.save(Event.activity(amoCrmEventType, entityId, userId, at)));
    }

    /** A person in the CRM giving the deal to {@code userId} by hand, outside ShiftRelay. */
    @Transactional
    public void reassignByHand(long leadId, long userId) {
        user(userId);
        Lead lead = leadEntity(leadId);
        Instant now = now();
        long before = lead.getResponsibleUserId();
        if (lead.assignTo(userId, userId, now)) {
            events.save(Event.responsibleChanged(leadId, before, userId, userId, now));
        }
    }

    /** Open deals (neither won nor lost) by responsible user, ids ascending. */
    @Transactional(readOnly = true)
    public Map<Long, List<Long>> openLeadIdsByResponsible() {
        Map<Long, List<Long>> byResponsible = new TreeMap<>();
        for (Lead lead : leads.findByStatusIdNotInOrderByIdAsc(CLOSED_STATUSES)) {
            byResponsible.computeIfAbsent(lead.getResponsibleUserId(), id -> new ArrayList<>()).add(lead.getId());
        }
        return byResponsible;
    }

    @Transactional(readOnly = true)
    public SandboxLead lead(long id) {
        return SandboxLead.of(leadEntity(id));
    }

    @Transactional(readOnly = true)
    public List<SandboxLead> leads() {
        return leads.findAll(Sort.by("id")).stream()
                .map(SandboxLead::of).toList();
    }

    @Transactional(readOnly = true)
    public List<SandboxUser> users() {
        return users.findAllByOrderByIdAsc().stream().map(SandboxUser::of).toList();
    }

    @Transactional(readOnly = true)
    public List<SandboxTeam> teams() {
        return groups.findAllByOrderByIdAsc().stream().map(g -> new SandboxTeam(g.getId(), g.getName())).toList();
    }

    /** Pipeline names by id. */
    @Transactional(readOnly = true)
    public Map<Long, String> pipelines() {
        Map<Long, String> names = new LinkedHashMap<>();
        pipelines.findAll(Sort.by("id"))
                .forEach(p -> names.put(p.getId(), p.getName()));
        return names;
    }

    /** The whole event feed, newest first. */
    @Transactional(readOnly = true)
    public List<SandboxEvent> events() {
        return events.findAllByOrderByCreatedAtDescIdDesc().stream().map(SandboxEvent::of).toList();
    }

    // ---- what the amoCRM-compatible API needs ----

    /** The filters of {@code GET /leads}; an empty set means "any". */
    record LeadFilter(Set<Long> ids, Set<Long> responsibleIds, Set<Long> pipelineIds, Set<Long> statusIds) {
    }

    /** The filters of {@code GET /events}; null or empty means "any". */
    record EventFilter(Instant from, Instant to, Set<String> types, Set<Long> createdBy, Set<Long> entityIds) {
    }

    /** One item of {@code PATCH /leads}; null ids are reported as errors, not skipped. */
    record ResponsibleChange(String requestId, Long leadId, Long responsibleId) {
    }

    @Transactional(readOnly = true)
    Page<User> userPage(Pageable page) {
        return users.findAll(page);
    }

    @Transactional(readOnly = true)
    List<Group> groupList() {
        return groups.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    Map<Long, Long> groupIdsByUser() {
        Map<Long, Long> byUser = new TreeMap<>();
        users.findAll().forEach(u -> {
            if (u.getGroupId() != null) {
                byUser.put(u.getId(), u.getGroupId());
            }
        });
        return byUser;
    }

    @Transactional(readOnly = true)
    Page<Lead> leadPage(LeadFilter filter, Pageable page) {
        Specification<Lead> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            in(where, root.get("id"), filter.ids());
            in(where, root.get("responsibleUserId"), filter.responsibleIds());
            in(where, root.get("pipelineId"), filter.pipelineIds());
            in(where, root.get("statusId"), filter.statusIds());
            return cb.and(where.toArray(Predicate[]::new));
        };
        return leads.findAll(spec, page);
    }

    @Transactional(readOnly = true)
    Page<Event> eventPage(EventFilter filter, Pageable page) {
        Specification<Event> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("createdAt"), filter.to()));
            }
            in(where, root.get("type"), filter.types());
            in(where, root.get("createdBy"), filter.createdBy());
            in(where, root.get("entityId"), filter.entityIds());
            return cb.and(where.toArray(Predicate[]::new));
        };
        return events.findAll(spec, page);
    }

    /** A change {@code PATCH /leads} applied, with the request id it answers to. */
    record AppliedChange(String requestId, Lead lead) {
    }

    /** What became of a {@code PATCH /leads} batch: the changes applied and the items refused. */
    record BatchOutcome(List<AppliedChange> applied, List<BatchRejectedException.ItemError> refused) {
    }

    /**
     * Applies a batch of responsible changes. Every item is checked first; when one is refused the batch changes
     * nothing, unless {@code shiftrelay.sandbox.partial-batches} makes the sandbox apply the valid items anyway, as
     * some CRMs do. Each changed deal gets an {@code entity_responsible_changed} event by user 0, amoCRM's mark
     * for a change made through the API.
     */
    @Transactional
    BatchOutcome changeResponsibles(List<ResponsibleChange> changes) {
        List<BatchRejectedException.ItemError> refused = new ArrayList<>();
        List<ResponsibleChange> valid = new ArrayList<>();
        List<Lead> found = new ArrayList<>();
        for (ResponsibleChange change : changes) {
            int errorsBefore = refused.size();
            Lead lead = change.leadId() == null ? null : leads.findById(change.leadId()).orElse(null);
            if (lead == null) {
                refused.add(new BatchRejectedException.ItemError(change.requestId(), "NotSupportedChoice", "id",
                        "Lead " + change.leadId() + " not found"));
            }
            if (change.responsibleId() != null && !users.existsById(change.responsibleId())) {
                refused.add(new BatchRejectedException.ItemError(change.requestId(), "NotSupportedChoice",
                        "responsible_user_id", "User " + change.responsibleId() + " not found"));
            }
            if (lead != null && lead.isLocked() && change.responsibleId() != null
                    && change.responsibleId() != lead.getResponsibleUserId()) {
                refused.add(new BatchRejectedException.ItemError(change.requestId(), "FieldNotEditable",
                        "responsible_user_id",
                        "Lead " + lead.getId() + " is locked: its responsible cannot be changed"));
            }
            if (refused.size() == errorsBefore) {
                valid.add(change);
                found.add(lead);
            }
        }
        if (!refused.isEmpty() && !properties.partialBatches()) {
            return new BatchOutcome(List.of(), refused);
        }
        Instant now = now();
        List<AppliedChange> applied = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            ResponsibleChange change = valid.get(i);
            Lead lead = found.get(i);
            Long responsibleId = change.responsibleId();
            if (responsibleId != null) {
                long before = lead.getResponsibleUserId();
                if (lead.assignTo(responsibleId, 0, now)) {
                    events.save(Event.responsibleChanged(lead.getId(), before, responsibleId, 0, now));
                }
            }
            applied.add(new AppliedChange(change.requestId(), lead));
        }
        return new BatchOutcome(applied, refused);
    }

    private static <T> void in(List<Predicate> where, Path<T> path, Collection<? extends T> values) {
        if (values != null && !values.isEmpty()) {
            where.add(path.in(values));
        }
    }

    private User user(long id) {
        return users.findById(id).orElseThrow(() -> new SandboxNotFoundException("userId", "No user " + id));
    }

    private Lead leadEntity(long id) {
        return leads.findById(id).orElseThrow(() -> new SandboxNotFoundException("leadId", "No lead " + id));
    }

    private Instant now() {
        return clock.instant();
    }
}

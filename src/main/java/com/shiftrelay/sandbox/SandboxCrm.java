package com.shiftrelay.sandbox;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded sandbox CRM's data: what its amoCRM-compatible API serves, and what tests and the demo use to
 * set up and change the CRM as people working in it would. A lead created or changed through a public method or
 * the API is reported by amoCRM's webhook once the change has committed (see {@link SandboxWebhooks}); the demo's
 * own deals are not.
 */
@Service
@ConditionalOnSandboxCrm
public class SandboxCrm {

    /** The statuses that close a deal in every amoCRM pipeline. */
    private static final Set<Long> CLOSED_STATUSES = Set.of(Lead.STATUS_WON, Lead.STATUS_LOST);
    /** The most tags one lead may get when it is created; amoCRM's forms add a few, not dozens. */
    static final int MAX_TAGS = 20;
    private static final int MAX_NAME_LENGTH = 255;

    private final SandboxGroups groups;
    private final SandboxUsers users;
    private final SandboxPipelines pipelines;
    private final SandboxLeads leads;
    private final SandboxTags tags;
    private final SandboxEvents events;
    private final SandboxProperties properties;
    private final SandboxOutage outage;
    private final ApplicationEventPublisher changes;
    private final Clock clock;
    private final SandboxClients clients;

    SandboxCrm(SandboxGroups groups, SandboxUsers users, SandboxPipelines pipelines, SandboxLeads leads,
               SandboxTags tags, SandboxEvents events, SandboxProperties properties, SandboxOutage outage,
               ApplicationEventPublisher changes, ObjectProvider<Clock> clock, SandboxClients clients) {
        this.clients = clients;
        this.groups = groups;
        this.users = users;
        this.pipelines = pipelines;
        this.leads = leads;
        this.tags = tags;
        this.events = events;
        this.properties = properties;
        this.outage = outage;
        this.changes = changes;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Deletes all sandbox data (ids are not reused afterwards) and ends a simulated outage. */
    @Transactional
    public void reset() {
        outage.set(false);
        clients.clear();
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
        clients.clear();
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

    /**
     * Simulates answers to writes lost on their way back (or ends it): while it lasts the sandbox, in either dialect,
     * does what each write asks and then answers 504, as a proxy that stopped waiting would; reads are answered. A
     * caller that simply tries again does the work twice.
     */
    public void setAnswersLost(boolean lost) {
        outage.loseAnswers(lost);
    }

    /** The work days Bitrix24's time management knows ({@code timeman.status}). */
    static final Set<String> WORK_DAYS = Set.of("OPENED", "PAUSED", "CLOSED", "EXPIRED");

    /**
     * The user opening, pausing or closing their work day in Bitrix24's time management (the Bitrix24 dialect's
     * {@code timeman.status} reports it): OPENED, PAUSED, CLOSED or EXPIRED.
     */
    @Transactional
    public void setWorkDay(long userId, String status) {
        if (status == null || !WORK_DAYS.contains(status)) {
            throw badField("status", "status must be one of OPENED, PAUSED, CLOSED, EXPIRED, not "
                    + (status == null ? "missing" : "'" + status + "'"));
        }
        user(userId).setWorkDay(status, now());
    }

    /** A user's work day and since when it is so (null for the day every user starts with). */
    record WorkDay(String status, Instant since) {
    }

    @Transactional(readOnly = true)
    Optional<WorkDay> workDay(long userId) {
        return users.findById(userId).map(user -> new WorkDay(user.getWorkDay(), user.getWorkDaySince()));
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

    /** Creates a lead with no budget and no tags, reported by a {@code leads[add]} webhook. */
    @Transactional
    public Long createLead(String name, long responsibleId, long pipelineId, long statusId, boolean pinned) {
        Lead lead = saveLead(name, 0, responsibleId, pipelineId, statusId, pinned, List.of(), now());
        reportAdded(lead);
        return lead.getId();
    }

    /**
     * A lead for the sandbox's page, REST clients and tests: a new deal as it comes in from a web form. It starts in
     * the pipeline's first stage; with no responsible named it goes to the pipeline's incoming responsible, the
     * lowest-id active user of the team that works the pipeline. Reported by a {@code leads[add]} webhook.
     *
     * @param name          required, at most 255 characters
     * @param pipelineId    required, a pipeline of the sandbox
     * @param price         the budget, 0 or more; none is 0
     * @param tags          at most {@value #MAX_TAGS} distinct names, none blank; none is no tags
     * @param responsibleId an active user, or null for the pipeline's incoming responsible
     */
    public record NewLead(String name, Long pipelineId, Long price, List<String> tags, Long responsibleId) {
    }

    /**
     * Creates the lead after checking all of it; a lead it refuses leaves nothing behind.
     *
     * @throws SimulationRejectedException (400) naming the field at fault
     */
    @Transactional
    public long createLead(NewLead request) {
        if (request.name() == null || request.name().isBlank()) {
            throw badField("name", "name is required");
        }
        String name = request.name().trim();
        if (name.length() > MAX_NAME_LENGTH) {
            throw badField("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (request.pipelineId() == null) {
            throw badField("pipelineId", "pipelineId is required");
        }
        long pipelineId = request.pipelineId();
        if (!pipelines.existsById(pipelineId)) {
            throw badField("pipelineId", "The sandbox has no pipeline " + pipelineId);
        }
        long price = request.price() == null ? 0 : request.price();
        if (price < 0) {
            throw badField("price", "price must be 0 or more, not " + price);
        }
        List<String> tagNames = tagNames(request.tags());
        long responsibleId = request.responsibleId() == null
                ? incomingResponsible(pipelineId) : activeResponsible(request.responsibleId());
        Lead lead = saveLead(name, price, responsibleId, pipelineId, PipelineStages.first(pipelineId), false,
                tagNames, now());
        reportAdded(lead);
        return lead.getId();
    }

    /** The demo's deals: created as they are, with their own creation time, and reported by no webhook. */
    @Transactional
    Long createDemoLead(String name, long price, long responsibleId, long pipelineId, long statusId, boolean pinned,
                        List<String> tagNames, Instant createdAt) {
        return saveLead(name, price, responsibleId, pipelineId, statusId, pinned, tagNames, createdAt).getId();
    }

    /**
     * Who gets a new lead nobody was named for, as amoCRM gives a web form's lead to the user set for it: the
     * lowest-id active user of the team that works the pipeline, which is the team whose active users hold most of
     * its open deals (the lower team id on a tie). A pipeline nobody works yet gives it to the sandbox's lowest-id
     * active user. ShiftRelay then routes it to whoever should have it.
     */
    private long incomingResponsible(long pipelineId) {
        return leads.teamsByOpenLeadsInPipeline(pipelineId, CLOSED_STATUSES).stream().findFirst()
                .flatMap(users::findFirstByGroupIdAndActiveTrueOrderByIdAsc)
                .or(users::findFirstByActiveTrueOrderByIdAsc)
                .map(User::getId)
                .orElseThrow(() -> badField("responsibleId",
                        "The sandbox has no active user to give the lead to; name a responsibleId"));
    }

    private long activeResponsible(long userId) {
        User user = users.findById(userId)
                .orElseThrow(() -> badField("responsibleId", "The sandbox has no user " + userId));
        if (!user.isActive()) {
            throw badField("responsibleId", "User " + userId + " is not active");
        }
        return userId;
    }

    /** The distinct names, trimmed, in the order given. */
    private static List<String> tagNames(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String tag : given) {
            if (tag == null || tag.isBlank()) {
                throw badField("tags", "A tag must not be blank");
            }
            if (tag.trim().length() > MAX_NAME_LENGTH) {
                throw badField("tags", "A tag must be at most " + MAX_NAME_LENGTH + " characters");
            }
            names.add(tag.trim());
        }
        if (names.size() > MAX_TAGS) {
            throw badField("tags", "At most " + MAX_TAGS + " tags a lead, got " + names.size());
        }
        return List.copyOf(names);
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

    /**
     * Moves the deal to a stage of its pipeline, as its responsible would on the board; 142 (won) and 143 (lost)
     * close it. A move to another stage is reported by a {@code leads[status]} webhook.
     *
     * @throws SimulationRejectedException (400, {@code statusId}) for a stage of another pipeline
     */
    @Transactional
    public void moveLeadToStatus(long leadId, long statusId) {
        moveLead(leadId, null, statusId);
    }

    /**
     * Moves the deal to a stage of another pipeline (or of its own, with {@code pipelineId} null), as amoCRM moves a
     * deal from sales to aftercare; reported by a {@code leads[status]} webhook with {@code old_pipeline_id}.
     *
     * @throws SimulationRejectedException (400, {@code pipelineId}) for a pipeline the sandbox does not have, (400,
     *                                     {@code statusId}) for a stage that is not the pipeline's
     */
    @Transactional
    public void moveLead(long leadId, Long pipelineId, long statusId) {
        Lead lead = leadEntity(leadId);
        long target = pipelineId == null ? lead.getPipelineId() : pipelineId;
        if (pipelineId != null && !pipelines.existsById(pipelineId)) {
            throw badField("pipelineId", "The sandbox has no pipeline " + pipelineId);
        }
        if (!PipelineStages.belongsTo(target, statusId)) {
            throw badField("statusId", "Stage " + statusId + " is not a stage of pipeline " + target);
        }
        long statusBefore = lead.getStatusId();
        long pipelineBefore = lead.getPipelineId();
        if (lead.moveToPipeline(target, statusId, lead.getResponsibleUserId(), now())) {
            report(SandboxLeadsChanged.STATUS,
                    List.of(SandboxLeadsChanged.LeadState.statusChanged(lead, statusBefore, pipelineBefore)));
        }
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

    /**
     * A person in the CRM giving the deal to {@code userId} by hand, outside ShiftRelay; reported by a
     * {@code leads[responsible]} webhook.
     */
    @Transactional
    public void reassignByHand(long leadId, long userId) {
        user(userId);
        Lead lead = leadEntity(leadId);
        Instant now = now();
        long before = lead.getResponsibleUserId();
        if (lead.assignTo(userId, userId, now)) {
            events.save(Event.responsibleChanged(leadId, before, userId, userId, now));
            report(SandboxLeadsChanged.RESPONSIBLE,
                    List.of(SandboxLeadsChanged.LeadState.responsibleChanged(lead, before)));
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

    /**
     * Up to {@code limit} leads of the filter with ids above {@code idAbove}, ids ascending; {@code open} true keeps
     * those neither won nor lost, false those closed, null all.
     */
    @Transactional(readOnly = true)
    List<Lead> leadsAbove(LeadFilter filter, Boolean open, long idAbove, int limit) {
        Specification<Lead> spec = leadSpecification(filter).and((root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.greaterThan(root.get("id"), idAbove));
            if (open != null) {
                Predicate closed = root.get("statusId").in(CLOSED_STATUSES);
                where.add(open ? cb.not(closed) : closed);
            }
            return cb.and(where.toArray(Predicate[]::new));
        });
        return leads.findAll(spec, PageRequest.of(0, limit, Sort.by("id"))).getContent();
    }

    /** Up to {@code limit} events of the types at or after {@code from} with ids above {@code idAbove}, ids ascending. */
    @Transactional(readOnly = true)
    List<Event> eventsAbove(Instant from, long idAbove, Set<String> types, int limit) {
        Specification<Event> spec = (root, query, cb) -> cb.and(cb.greaterThan(root.get("id"), idAbove),
                root.get("type").in(types),
                from == null ? cb.conjunction() : cb.greaterThanOrEqualTo(root.get("createdAt"), from));
        return events.findAll(spec, PageRequest.of(0, limit, Sort.by("id"))).getContent();
    }

    /** Up to {@code limit} users from the {@code offset}-th, ids ascending. */
    @Transactional(readOnly = true)
    List<User> usersFrom(int offset, int limit) {
        return users.findAllByOrderByIdAsc().stream().skip(offset).limit(limit).toList();
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
        return leads.findAll(leadSpecification(filter), page);
    }

    private static Specification<Lead> leadSpecification(LeadFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            in(where, root.get("id"), filter.ids());
            in(where, root.get("responsibleUserId"), filter.responsibleIds());
            in(where, root.get("pipelineId"), filter.pipelineIds());
            in(where, root.get("statusId"), filter.statusIds());
            return cb.and(where.toArray(Predicate[]::new));
        };
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
     * for a change made through the API, and the changed deals of the batch are reported together in one
     * {@code leads[responsible]} webhook, as amoCRM groups them.
     */
    @Transactional
    BatchOutcome changeResponsibles(List<ResponsibleChange> changes) {
        return changeResponsibles(changes, properties.partialBatches());
    }

    /** As {@link #changeResponsibles(List)}; {@code partial} applies the valid items of a batch refused in part. */
    @Transactional
    BatchOutcome changeResponsibles(List<ResponsibleChange> changes, boolean partial) {
        return changeResponsibles(changes, partial, null);
    }

    /**
     * As {@link #changeResponsibles(List, boolean)}, reported as made through {@code source}: the Bitrix24
     * {@code auth_connector} the writer sent, or null.
     */
    @Transactional
    BatchOutcome changeResponsibles(List<ResponsibleChange> changes, boolean partial, String source) {
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
        if (!refused.isEmpty() && !partial) {
            return new BatchOutcome(List.of(), refused);
        }
        Instant now = now();
        List<AppliedChange> applied = new ArrayList<>();
        List<SandboxLeadsChanged.LeadState> reassigned = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            ResponsibleChange change = valid.get(i);
            Lead lead = found.get(i);
            Long responsibleId = change.responsibleId();
            if (responsibleId != null) {
                long before = lead.getResponsibleUserId();
                if (lead.assignTo(responsibleId, 0, now)) {
                    events.save(Event.responsibleChanged(lead.getId(), before, responsibleId, 0, now));
                    reassigned.add(SandboxLeadsChanged.LeadState.responsibleChanged(lead, before));
                }
            }
            applied.add(new AppliedChange(change.requestId(), lead));
        }
        if (!reassigned.isEmpty()) {
            this.changes.publishEvent(new SandboxLeadsChanged(SandboxLeadsChanged.RESPONSIBLE, reassigned, source));
        }
        return new BatchOutcome(applied, refused);
    }

    private void reportAdded(Lead lead) {
        report(SandboxLeadsChanged.ADD, List.of(SandboxLeadsChanged.LeadState.added(lead)));
    }

    /** Published within the change's transaction: a change that rolls back is never reported. */
    private void report(String action, List<SandboxLeadsChanged.LeadState> changed) {
        changes.publishEvent(new SandboxLeadsChanged(action, changed));
    }

    private static SimulationRejectedException badField(String field, String message) {
        return new SimulationRejectedException(HttpStatus.BAD_REQUEST, field, message);
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

package com.shiftrelay.sandbox;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.security.ApiRoles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a person trying the demo act as the CRM's users (a call, a message, a new deal, a deal moved on or given
 * away by hand) and watch what ShiftRelay makes of it, and what the sandbox's webhooks told it. It shows every manager's clients, so it needs a login (see
 * {@code SandboxSecurityConfiguration}); resetting is for administrators.
 */
@RestController
@ConditionalOnSandboxCrm
class SandboxSimulationController {

    /** {@code leadId} is optional: without one the event is tied to one of the user's open deals. */
    record ActivityRequest(Long userId, String type, Long leadId) {
    }

    record ResponsibleRequest(Long userId) {
    }

    record StatusRequest(Long statusId, Long pipelineId) {
    }

    record Created(long id) {
    }

    record LeadView(long id, String name, boolean pinned, long pipelineId, String pipeline, long statusId,
                    long price, List<String> tags) {
    }

    /** A pipeline with its stages, for the page's new-deal form and stage selectors. */
    record PipelineView(long id, String name, List<PipelineStages.Stage> stages) {
    }

    /** {@code workDay}: the manager's work day as the Bitrix24 dialect reports it (timeman.status). */
    record ManagerView(long id, String name, String login, String email, Long teamId, String team, String state,
                       String workDay, int leadCount, List<LeadView> leads) {
    }

    record WorkDayRequest(String status) {
    }

    record WorkDayView(long userId, String status) {
    }

    /**
     * The CRM dialect the sandbox speaks and where its API lives; for Bitrix24, its local application too: how many
     * access tokens its OAuth server issued, and its offline events (the events bound, the entries waiting and those
     * read with {@code clear=0} and not cleared yet).
     */
    record DialectView(String id, String name, String api, ApplicationView application) {
    }

    record ApplicationView(int accessTokensIssued, List<String> offlineEventsBound, int offlineEventsQueued,
                           int offlineEventsHidden, long offlineEventsRecorded) {
    }

    /** Who is looking: the page shows it, and offers the reset to administrators only. */
    record Viewer(String login, boolean administrator) {
    }

    /**
     * {@code webhooks}: the latest deliveries of the sandbox's webhooks, newest first; {@code notifications}: the latest
     * personal notifications (the Bitrix24 dialect's {@code im.notify.personal.add}), newest first; {@code sms}: the
     * latest SMS the outbox took, newest first; {@code clients}: the contacts with their phones; {@code tasks}: the
     * latest CRM tasks (the callbacks), newest first.
     */
    record State(String crm, DialectView dialect, Viewer viewer, List<SandboxTeam> teams, List<ManagerView> managers,
                 List<PipelineView> pipelines, List<SandboxWebhooks.Delivery> webhooks,
                 List<SandboxNotifications.Notification> notifications, List<SandboxSmsOutbox.Sms> sms,
                 List<SandboxClients.Contact> clients, List<SandboxClients.Task> tasks) {
    }

    record ResetOutcome(int deals) {
    }

    private final SandboxCrm crm;
    private final SandboxDemoSeeder demo;
    private final Managers managers;
    private final SandboxWebhooks webhooks;
    private final SandboxNotifications notifications;
    private final SandboxProperties.Dialect dialect;
    private final ObjectProvider<SandboxBitrix24Application> application;
    private final ObjectProvider<SandboxBitrix24Events> offlineEvents;
    private final SandboxSmsOutbox outbox;
    private final SandboxCalls calls;
    private final SandboxClients clients;

    SandboxSimulationController(SandboxCrm crm, SandboxDemoSeeder demo, Managers managers, SandboxWebhooks webhooks,
                                SandboxNotifications notifications, SandboxProperties properties,
                                ObjectProvider<SandboxBitrix24Application> application,
                                ObjectProvider<SandboxBitrix24Events> offlineEvents, SandboxSmsOutbox outbox,
                                SandboxCalls calls, SandboxClients clients) {
        this.calls = calls;
        this.clients = clients;
        this.crm = crm;
        this.demo = demo;
        this.managers = managers;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.dialect = properties.dialect();
        this.application = application;
        this.offlineEvents = offlineEvents;
        this.outbox = outbox;
    }

    @GetMapping("/sandbox")
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/sandbox/index.html")).build();
    }

    @PostMapping("/sandbox/simulate/activity")
    ResponseEntity<SandboxEvent> simulateActivity(@RequestBody ActivityRequest request) {
        long userId = required(request.userId(), "userId");
        if (request.type() == null || !AmoCrmEventTypes.ALL.contains(request.type())) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "type",
                    "type must be an amoCRM event type such as incoming_call, not '" + request.type() + "'");
        }
        SandboxEvent event = crm.recordActivity(userId, request.type(), request.leadId());
        return ResponseEntity.status(HttpStatus.CREATED).body(event);
    }

    record CallRequest(String kind, String number, Long managerId) {
    }

    /**
     * A call as the sandbox's telephony reports it to ShiftRelay: {@code kind} missed, answered or callback, the
     * client's {@code number}; 202 with the call's id and what ShiftRelay's webhook answered.
     */
    @PostMapping("/sandbox/simulate/call")
    ResponseEntity<SandboxCalls.Simulated> simulateCall(@RequestBody CallRequest request) {
        SandboxCalls.Kind kind;
        try {
            kind = request.kind() == null ? null : SandboxCalls.Kind.valueOf(request.kind().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "kind",
                    "kind must be missed, answered or callback, not " + request.kind());
        }
        String number = request.number() == null ? null : request.number().replaceAll("[\\s()+-]", "");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(calls.simulate(kind, number, request.managerId()));
    }

    record SmsFailureRequest(Integer code) {
    }

    /**
     * The sandbox's SMS outbox answers every request with SMS.ru's {@code code} (220: temporarily unavailable, 201: no
     * funds, ...) until it is set back to 0.
     */
    @PostMapping("/sandbox/sms/failure")
    ResponseEntity<SmsFailureRequest> simulateSmsFailure(@RequestBody SmsFailureRequest request) {
        int code = request.code() == null ? -1 : request.code();
        if (code != 0 && (code < 200 || code > 999)) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "code",
                    "code must be one of SMS.ru's error codes (200-999, 220: temporarily unavailable), or 0 for none");
        }
        outbox.simulateFailure(code);
        return ResponseEntity.ok(new SmsFailureRequest(code));
    }

    /** A new deal, as from a web form: 201 with its id, or 400 naming the field at fault and nothing stored. */
    @PostMapping("/sandbox/leads")
    ResponseEntity<Created> createLead(@RequestBody SandboxCrm.NewLead request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(crm.createLead(request)));
    }

    /** The deal moved to a stage of its pipeline, or of {@code pipelineId}; 142 and 143 close it. */
    @PostMapping("/sandbox/leads/{id}/status")
    SandboxLead moveToStatus(@PathVariable long id, @RequestBody StatusRequest request) {
        crm.moveLead(id, request.pipelineId(), required(request.statusId(), "statusId"));
        return crm.lead(id);
    }

    @PostMapping("/sandbox/leads/{id}/responsible")
    SandboxLead reassign(@PathVariable long id, @RequestBody ResponsibleRequest request) {
        crm.reassignByHand(id, required(request.userId(), "userId"));
        return crm.lead(id);
    }

    /**
     * The manager opening, pausing or closing their work day in Bitrix24's time management; the Bitrix24 dialect's
     * {@code timeman.status} reports it from then on. 400 naming {@code status} for anything but OPENED, PAUSED, CLOSED
     * or EXPIRED.
     */
    @PostMapping("/sandbox/users/{id}/work-day")
    WorkDayView workDay(@PathVariable long id, @RequestBody WorkDayRequest request) {
        crm.setWorkDay(id, request.status());
        return new WorkDayView(id, request.status());
    }

    /** Starts the demo over: the demo's deals dealt out again to the same people; ShiftRelay's side is untouched. */
    @PostMapping("/sandbox/reset")
    ResetOutcome reset() {
        return new ResetOutcome(demo.dealAgain());
    }

    /** Managers with their presence (as ShiftRelay sees it) and their open deals, for the watch page. */
    @GetMapping("/sandbox/state")
    State state(Authentication viewer) {
        List<SandboxTeam> teams = crm.teams();
        Map<Long, String> teamNames = teams.stream().collect(Collectors.toMap(SandboxTeam::id, SandboxTeam::name));
        Map<Long, String> pipelines = crm.pipelines();
        Map<Long, Manager> presence = managers.findAll().stream()
                .collect(Collectors.toMap(Manager::getId, Function.identity()));
        Map<Long, List<SandboxLead>> openLeads = crm.leads().stream().filter(SandboxLead::open)
                .collect(Collectors.groupingBy(SandboxLead::responsibleId));
        List<ManagerView> views = crm.users().stream().map(user -> {
            List<LeadView> leads = openLeads.getOrDefault(user.id(), List.of()).stream()
                    .map(lead -> new LeadView(lead.id(), lead.name(), lead.pinned(), lead.pipelineId(),
                            pipelines.getOrDefault(lead.pipelineId(), String.valueOf(lead.pipelineId())),
                            lead.statusId(), lead.price(), lead.tags()))
                    .toList();
            // A user ShiftRelay has not synchronised yet has no presence of its own.
            Manager manager = presence.get(user.id());
            String state = manager == null ? "UNKNOWN" : manager.getState().name();
            return new ManagerView(user.id(), user.name(), user.login(), user.email(), user.teamId(),
                    user.teamId() == null ? null : teamNames.get(user.teamId()), state, user.workDay(), leads.size(),
                    leads);
        }).toList();
        List<PipelineView> pipelineViews = pipelines.entrySet().stream()
                .map(p -> new PipelineView(p.getKey(), p.getValue(), PipelineStages.of(p.getKey()))).toList();
        return new State("sandbox", new DialectView(dialect.name().toLowerCase(java.util.Locale.ROOT), dialect.title(),
                dialect.apiPath(), applicationView()), new Viewer(viewer.getName(), ApiRoles.isAdmin(viewer)), teams, views, pipelineViews,
                webhooks.recent(), notifications.recent(), outbox.recent(SandboxNotifications.KEPT), clients.contacts(),
                clients.tasks().stream().limit(SandboxNotifications.KEPT).toList());
    }

    private ApplicationView applicationView() {
        SandboxBitrix24Application app = application.getIfAvailable();
        SandboxBitrix24Events events = offlineEvents.getIfAvailable();
        if (app == null || events == null) {
            return null;
        }
        SandboxBitrix24Events.Summary summary = events.summary();
        return new ApplicationView(app.accessTokensIssued(), summary.bound(), summary.queued(), summary.hidden(),
                summary.recorded());
    }

    private static long required(Long value, String field) {
        if (value == null) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, field, field + " is required");
        }
        return value;
    }
}

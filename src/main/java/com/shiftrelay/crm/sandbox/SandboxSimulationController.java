package com.shiftrelay.crm.sandbox;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.security.ApiRoles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a person trying the demo act as the CRM's users (a call, a message, a deal given away by hand) and
 * watch what ShiftRelay makes of it. It shows every manager's clients, so it needs a login (see
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

    record LeadView(long id, String name, boolean pinned, long pipelineId, String pipeline) {
    }

    record ManagerView(long id, String name, String login, String email, Long teamId, String team, String state,
                       int leadCount, List<LeadView> leads) {
    }

    /** Who is looking: the page shows it, and offers the reset to administrators only. */
    record Viewer(String login, boolean administrator) {
    }

    record State(String crm, Viewer viewer, List<SandboxTeam> teams, List<ManagerView> managers) {
    }

    record ResetOutcome(int deals) {
    }

    private final SandboxCrm crm;
    private final SandboxDemoSeeder demo;
    private final Managers managers;

    SandboxSimulationController(SandboxCrm crm, SandboxDemoSeeder demo, Managers managers) {
        this.crm = crm;
        this.demo = demo;
        this.managers = managers;
    }

    @GetMapping("/sandbox")
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/sandbox/index.html")).build();
    }

    @PostMapping("/sandbox/simulate/activity")
    ResponseEntity<SandboxEvent> simulateActivity(@RequestBody ActivityRequest request) {
        if (request.userId() == null) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "userId", "userId is required");
        }
        if (request.type() == null || !AmoCrmEventTypes.ALL.contains(request.type())) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "type",
                    "type must be an amoCRM event type such as incoming_call, not '" + request.type() + "'");
        }
        SandboxEvent event = crm.recordActivity(request.userId(), request.type(), request.leadId());
        return ResponseEntity.status(HttpStatus.CREATED).body(event);
    }

    @PostMapping("/sandbox/leads/{id}/responsible")
    SandboxLead reassign(@PathVariable long id, @RequestBody ResponsibleRequest request) {
        if (request.userId() == null) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "userId", "userId is required");
        }
        crm.reassignByHand(id, request.userId());
        return crm.lead(id);
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
                            pipelines.getOrDefault(lead.pipelineId(), String.valueOf(lead.pipelineId()))))
                    .toList();
            // A user ShiftRelay has not synchronised yet has no presence of its own.
            Manager manager = presence.get(user.id());
            String state = manager == null ? "UNKNOWN" : manager.getState().name();
            return new ManagerView(user.id(), user.name(), user.login(), user.email(), user.teamId(),
                    user.teamId() == null ? null : teamNames.get(user.teamId()), state, leads.size(), leads);
        }).toList();
        return new State("sandbox", new Viewer(viewer.getName(), ApiRoles.isAdmin(viewer)), teams, views);
    }
}

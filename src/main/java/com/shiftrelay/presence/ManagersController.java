package com.shiftrelay.presence;

import com.shiftrelay.web.InvalidFieldException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers' presence for integrations and admins: read it, report activity, go online or offline. */
@RestController
@RequestMapping("/api/managers")
class ManagersController {

    /** Reading is for every user; changing a manager's presence is for that manager or an administrator. */
    static final String SELF_OR_ADMIN = "@managerAccess.isSelfOrAdmin(authentication, #id)";

    private final Managers managers;
    private final Presence presence;
    private final Clock clock;

    ManagersController(Managers managers, Presence presence, Clock clock) {
        this.managers = managers;
        this.presence = presence;
        this.clock = clock;
    }

    /** A manager as the API shows them. */
    record ManagerView(long id, String login, String name, Long teamId, PresenceState state,
                       Instant stateChangedAt, Instant lastActivityAt) {
        static ManagerView of(Manager m) {
            return new ManagerView(m.getId(), m.getLogin(), m.getName(), m.getTeamId(), m.getState(),
                    m.getStateChangedAt(), m.getLastActivityAt());
        }
    }

    /** Body of an activity report; {@code at} defaults to now. */
    record ActivityReport(Instant at) {
    }

    @GetMapping
    List<ManagerView> list() {
        return managers.findAllByOrderByIdAsc().stream().map(ManagerView::of).toList();
    }

    @GetMapping("/{id}")
    ManagerView one(@PathVariable long id) {
        return ManagerView.of(presence.find(id));
    }

    /** Start a shift or answer a presence check; harmless for a manager who is ONLINE already. */
    @PostMapping("/{id}/online")
    @PreAuthorize(SELF_OR_ADMIN)
    ResponseEntity<ManagerView> online(@PathVariable long id) {
        return ResponseEntity.accepted().body(ManagerView.of(presence.confirm(id)));
    }

    /** Leave: the manager goes OFFLINE and their deals are handed over. */
    @PostMapping("/{id}/offline")
    @PreAuthorize(SELF_OR_ADMIN)
    ResponseEntity<ManagerView> offline(@PathVariable long id) {
        return ResponseEntity.accepted().body(ManagerView.of(presence.signOff(id)));
    }

    /** Activity seen by an integration (a telephony system, say). */
    @PostMapping("/{id}/activity")
    @PreAuthorize(SELF_OR_ADMIN)
    ResponseEntity<ManagerView> activity(@PathVariable long id, @RequestBody(required = false) ActivityReport report) {
        Instant now = clock.instant();
        Instant at = report == null || report.at() == null ? now : report.at();
        if (at.isAfter(now.plusSeconds(60))) {
            throw new InvalidFieldException("at", "'at' lies in the future");
        }
        return ResponseEntity.accepted().body(ManagerView.of(presence.recordActivity(id, at)));
    }
}

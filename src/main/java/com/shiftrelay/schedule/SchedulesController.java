package com.shiftrelay.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.UnknownManagerException;
import com.shiftrelay.web.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A manager's schedule and its exceptions. The manager themselves or an administrator reads them; administrators
 * change them (that rule is in the API's security configuration). A bad field is 400 naming it, nothing stored.
 */
@RestController
@RequestMapping("/api/managers/{id}")
class SchedulesController {

    static final String SELF_OR_ADMIN = "@managerAccess.isSelfOrAdmin(authentication, #id)";

    private final Managers managers;
    private final ManagerSchedules schedules;
    private final ExceptionEntries exceptions;
    private final ScheduleChanges changes;

    SchedulesController(Managers managers, ManagerSchedules schedules, ExceptionEntries exceptions,
                        ScheduleChanges changes) {
        this.managers = managers;
        this.schedules = schedules;
        this.exceptions = exceptions;
        this.changes = changes;
    }

    /** A schedule as the API shows it: what was PUT, every field given, and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScheduleView(long managerId, Map<String, ScheduleJson.Hours> weekly, ScheduleJson.Rotation rotation,
                        Instant updatedAt) {
        static ScheduleView of(ManagerSchedule stored) {
            ScheduleJson.Body body = ScheduleJson.Body.of(stored.schedule());
            return new ScheduleView(stored.managerId(), body.weekly(), body.rotation(), stored.updatedAt());
        }
    }

    @GetMapping("/schedule")
    @PreAuthorize(SELF_OR_ADMIN)
    @Transactional(readOnly = true)
    ScheduleView schedule(@PathVariable long id) {
        manager(id);
        return schedules.findById(id).map(ScheduleView::of).orElseThrow(() -> new NotFoundException("Manager " + id
                + " has no schedule: nothing restricts when they work"));
    }

    @PutMapping("/schedule")
    ScheduleView replace(@PathVariable long id, @RequestBody ScheduleJson.Body body) {
        return ScheduleView.of(ScheduleConflictException.retried(() -> changes.replace(id, body)));
    }

    /** Nothing restricts the manager any more; their exceptions go too. */
    @DeleteMapping("/schedule")
    ResponseEntity<Void> remove(@PathVariable long id) {
        ScheduleConflictException.retried(() -> {
            changes.remove(id);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    /** The exceptions on any date from {@code from} to {@code to} (each open-ended when left out), in date order. */
    @GetMapping("/exceptions")
    @PreAuthorize(SELF_OR_ADMIN)
    @Transactional(readOnly = true)
    List<ExceptionJson.View> exceptions(@PathVariable long id,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        manager(id);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ScheduleProblem("to", "The last date " + to + " is before the first, " + from);
        }
        return views(exceptions.findByManagerIdOrderByFromDateAscIdAsc(id).stream()
                .filter(entry -> (from == null || !entry.toDate().isBefore(from))
                        && (to == null || !entry.fromDate().isAfter(to)))
                .toList());
    }

    @PostMapping("/exceptions")
    ResponseEntity<ExceptionJson.View> add(@PathVariable long id, @RequestBody ExceptionJson body) {
        ExceptionEntry added = ScheduleConflictException.retried(() -> changes.add(id, body));
        return ResponseEntity.created(URI.create("/api/managers/" + id + "/exceptions/" + added.id()))
                .body(views(List.of(added)).get(0));
    }

    /** A swap's deletion deletes both halves. */
    @DeleteMapping("/exceptions/{exceptionId}")
    ResponseEntity<Void> removeException(@PathVariable long id, @PathVariable long exceptionId) {
        ScheduleConflictException.retried(() -> {
            changes.removeException(id, exceptionId);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private Manager manager(long id) {
        return managers.findById(id).orElseThrow(() -> new UnknownManagerException(id));
    }

    private List<ExceptionJson.View> views(List<ExceptionEntry> entries) {
        Map<Long, String> names = managers.findAllById(entries.stream().map(ExceptionEntry::colleagueId)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Manager::getId, Manager::getName));
        return entries.stream().map(entry -> ExceptionJson.View.of(entry, names.get(entry.colleagueId()))).toList();
    }
}

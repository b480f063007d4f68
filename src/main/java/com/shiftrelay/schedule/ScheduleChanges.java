package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.UnknownManagerException;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import com.shiftrelay.web.ConflictException;
import com.shiftrelay.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins change about schedules: a manager's schedule, their exceptions (a swap on both managers at once), a
 * team's schedule settings. Everything is checked before anything is written; each change publishes
 * {@link ScheduleChanged} for every manager whose shifts it changes, or {@link TeamScheduleChanged}, in its
 * transaction. The manager's row is locked meanwhile, so two admins' exceptions for one date never both pass the
 * check that a date takes one.
 */
@Service
@Transactional
public class ScheduleChanges {

    private final Managers managers;
    private final ManagerSchedules schedules;
    private final ExceptionEntries exceptions;
    private final TeamSchedules teams;
    private final ScheduleProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScheduleChanges(Managers managers, ManagerSchedules schedules, ExceptionEntries exceptions, TeamSchedules teams,
                    ScheduleProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.managers = managers;
        this.schedules = schedules;
        this.exceptions = exceptions;
        this.teams = teams;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The team's settings as asked; TeamScheduleChanged if its zone or sweep times are other than before. */
    public void changeTeam(long teamId, TeamScheduleChange change) {
        if (change.asksNothing()) {
            return;
        }
        TeamSchedule settings = teams.of(teamId);
        boolean moved = change.applyTo(settings, properties.defaultTimeZone());
        teams.save(settings);
        if (moved) {
            events.publishEvent(new TeamScheduleChanged(teamId));
        }
    }

    ManagerSchedule replace(long managerId, ScheduleJson.Body body) {
        lock(managerId);
        Schedule schedule = body.toSchedule();
        ManagerSchedule stored = schedules.findById(managerId).orElseGet(() -> new ManagerSchedule(managerId));
        stored.replace(schedule, clock.instant());
        schedules.save(stored);
        events.publishEvent(new ScheduleChanged(managerId));
        return stored;
    }

    /**
     * Nothing restricts the manager any more. Their exceptions go with the schedule they were exceptions to, and with
     * a swap its other half: the colleague's half would name a schedule that is gone.
     */
    void remove(long managerId) {
        lock(managerId);
        ManagerSchedule stored = schedules.findById(managerId).orElse(null);
        if (stored == null) {
            return;
        }
        Set<Long> changed = new TreeSet<>(Set.of(managerId));
        changed.addAll(delete(exceptions.findByManagerIdOrderByFromDateAscIdAsc(managerId)));
        schedules.delete(stored);
        changed.forEach(id -> events.publishEvent(new ScheduleChanged(id)));
    }

    /** The exception as stored; a swap is stored on the colleague too, mirrored, and the manager's half answered. */
    ExceptionEntry add(long managerId, ExceptionJson body) {
        if (!managers.existsById(managerId)) {
            throw new UnknownManagerException(managerId);
        }
        ScheduleException exception = body.toException();
        if (exception instanceof Swap swap) {
            lockBoth(managerId, swap.colleagueId());
            return swap(managerId, scheduleOf(managerId), swap);
        }
        lock(managerId);
        Schedule schedule = scheduleOf(managerId);
        check(managerId, schedule, exception, Map.of());
        ExceptionEntry saved = exceptions.save(new ExceptionEntry(managerId, exception, null, clock.instant()));
        events.publishEvent(new ScheduleChanged(managerId));
        return saved;
    }

    /** Deletes the manager's exception; a swap's two halves go together. */
    void removeException(long managerId, long exceptionId) {
        lock(managerId);
        ExceptionEntry entry = exceptions.findByIdAndManagerId(exceptionId, managerId).orElseThrow(() ->
                new NotFoundException("Manager " + managerId + " has no exception " + exceptionId));
        delete(List.of(entry)).forEach(id -> events.publishEvent(new ScheduleChanged(id)));
    }

    private ExceptionEntry swap(long managerId, Schedule schedule, Swap swap) {
        long colleagueId = swap.colleagueId();
        Map<Long, Schedule> colleagues = Map.of();
        if (colleagueId != managerId) {
            Manager manager = managers.findById(managerId).orElseThrow();
            Manager colleague = managers.findById(colleagueId).orElseThrow();
            if (manager.getTeamId() == null || !manager.getTeamId().equals(colleague.getTeamId())) {
                throw new ScheduleProblem("colleagueId", colleague.getName() + " (manager " + colleagueId
                        + ") is not in " + manager.getName() + "'s team: a swap is between colleagues of one team");
            }
            Schedule theirs = schedules.findById(colleagueId).map(ManagerSchedule::schedule).orElseThrow(() ->
                    new ScheduleProblem("colleagueId", colleague.getName() + " (manager " + colleagueId
                            + ") has no schedule: a swap trades the shifts two schedules plan"));
            colleagues = Map.of(colleagueId, theirs);
            exceptions.between(colleagueId, swap.date(), swap.date()).stream().findFirst().ifPresent(taken -> {
                throw new ScheduleProblem("colleagueId", colleague.getName() + " has " + describe(taken) + " on "
                        + swap.date() + " already: a date takes one exception, and a swap is one for both");
            });
        }
        // Oneself, or a day neither works: the planner's refusals.
        check(managerId, schedule, swap, colleagues);
        String swapId = UUID.randomUUID().toString();
        ExceptionEntry mine = exceptions.save(new ExceptionEntry(managerId, swap, swapId, clock.instant()));
        exceptions.save(new ExceptionEntry(colleagueId, new Swap(swap.date(), managerId), swapId, clock.instant()));
        events.publishEvent(new ScheduleChanged(managerId));
        events.publishEvent(new ScheduleChanged(colleagueId));
        return mine;
    }

    /** The planner's checks of one exception, and that none of the manager's others is on its dates. */
    private void check(long managerId, Schedule schedule, ScheduleException exception, Map<Long, Schedule> colleagues) {
        try {
            ShiftPlanner.validate(managerId, schedule, List.of(exception), colleagues);
        } catch (ScheduleProblem problem) {
            throw new ScheduleProblem(ExceptionJson.apiField(problem.field()), problem.getMessage());
        }
        exceptions.between(managerId, exception.from(), exception.to()).stream().findFirst().ifPresent(taken -> {
            throw new ScheduleProblem(exception instanceof SickLeave ? "from" : "date", "There is " + describe(taken)
                    + " on these dates already: a date takes one exception; delete that one first");
        });
    }

    private static String describe(ExceptionEntry entry) {
        String dates = entry.fromDate().equals(entry.toDate()) ? entry.fromDate().toString()
                : entry.fromDate() + " to " + entry.toDate();
        return "exception " + entry.id() + " (" + entry.kind() + ", " + dates + ")";
    }

    /** Deletes the entries and the other halves of their swaps; answers whose exceptions these were. */
    private Set<Long> delete(List<ExceptionEntry> entries) {
        Map<Long, ExceptionEntry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        List<String> swapIds = entries.stream().map(ExceptionEntry::swapId).filter(Objects::nonNull).toList();
        if (!swapIds.isEmpty()) {
            exceptions.findBySwapIdIn(swapIds).forEach(half -> byId.put(half.id(), half));
        }
        List<ExceptionEntry> deleted = new ArrayList<>(byId.values());
        exceptions.deleteAll(deleted);
        Set<Long> owners = new TreeSet<>();
        deleted.forEach(entry -> owners.add(entry.managerId()));
        return owners;
    }

    private Schedule scheduleOf(long managerId) {
        return schedules.findById(managerId).map(ManagerSchedule::schedule).orElseThrow(() ->
                new ConflictException("Manager " + managerId + " has no schedule, so nothing restricts them and an"
                        + " exception would change nothing: PUT /api/managers/" + managerId + "/schedule first"));
    }

    private void lock(long managerId) {
        managers.lockById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
    }

    /** Both rows, in id order: two swaps of the same two managers asked for at once never wait for each other. */
    private void lockBoth(long managerId, long colleagueId) {
        for (long id : new TreeSet<>(List.of(managerId, colleagueId))) {
            if (managers.lockById(id).isEmpty()) {
                throw id == managerId ? new UnknownManagerException(id)
                        : new NotFoundException("colleagueId", "No manager " + id + " is known to ShiftRelay");
            }
        }
    }
}

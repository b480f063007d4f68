package com.shiftrelay.distribution;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.ManagerAccess;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.QueryInstants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assignment log: why each deal went where it went. A deal's story ({@code dealId}) is open to every signed-in
 * user, as "why did she get it" is the team's question; a manager's decisions ({@code managerId}) to that manager and
 * administrators.
 */
@RestController
@RequestMapping("/api/assignments")
class AssignmentsController {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    private final AssignmentEntries entries;
    private final Managers managers;
    private final Teams teams;
    private final ManagerAccess access;
    private final Clock clock;

    AssignmentsController(AssignmentEntries entries, Managers managers, Teams teams, ManagerAccess access,
                          Clock clock) {
        this.entries = entries;
        this.managers = managers;
        this.teams = teams;
        this.access = access;
        this.clock = clock;
    }

    /** A manager or a team with its name (null once ShiftRelay no longer knows it). */
    record Named(long id, String name) {
    }

    /** The rule that decided: its id in DealRouting, its annotation, and the table's version. */
    record RuleView(String id, String annotation, Integer version) {
    }

    record SkippedView(Named manager, SkipReason reason) {
    }

    /** One decision about a deal. */
    record EntryView(Instant at, long dealId, AssignmentEntry.Kind kind, String runId, Named team, RuleView rule,
                     String strategy, Named manager, Named from, List<SkippedView> skipped, int moreSkipped,
                     String note) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<EntryView> log(@RequestParam(required = false) Long dealId, @RequestParam(required = false) Long managerId,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Authentication caller) {
        if (dealId != null) {
            return views(entries.findByDealIdOrderByIdAsc(dealId));
        }
        if (managerId == null) {
            throw new InvalidFieldException("dealId", "Name a deal ('dealId') or a manager ('managerId' with 'from' "
                    + "and 'to')");
        }
        if (!access.isSelfOrAdmin(caller, managerId)) {
            throw new AccessDeniedException("Only manager " + managerId + " and administrators read their decisions");
        }
        Instant end = QueryInstants.parse("to", to, clock.instant());
        Instant start = QueryInstants.parse("from", from, end.minus(Duration.ofDays(1)));
        if (!start.isBefore(end)) {
            throw new InvalidFieldException("from", "'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw new InvalidFieldException("from", "'from' and 'to' may be at most 31 days apart");
        }
        return views(entries.concerning(managerId, start, end));
    }

    private List<EntryView> views(List<AssignmentEntry> found) {
        Set<Long> people = new HashSet<>();
        found.forEach(e -> {
            addIfSet(people, e.getManagerId());
            addIfSet(people, e.getFromManagerId());
            e.skipped().forEach(skip -> people.add(skip.managerId()));
        });
        Map<Long, String> names = managers.findAllById(people).stream()
                .collect(Collectors.toMap(Manager::getId, Manager::getName));
        Map<Long, String> teamNames = teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        return found.stream().map(e -> new EntryView(e.getDecidedAt(), e.getDealId(), e.getKind(), e.getRunId(),
                named(e.getTeamId(), teamNames), e.getRuleId() == null ? null
                        : new RuleView(e.getRuleId(), e.getRuleAnnotation(), e.getDecisionVersion()),
                e.getStrategy(), named(e.getManagerId(), names), named(e.getFromManagerId(), names),
                e.skipped().stream().map(skip -> new SkippedView(named(skip.managerId(), names), skip.reason())).toList(),
                e.moreSkipped(), e.getNote())).toList();
    }

    private static Named named(Long id, Map<Long, String> names) {
        return id == null ? null : new Named(id, names.get(id));
    }

    private static void addIfSet(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
